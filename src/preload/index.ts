/** Preload of the main window. */
import { exposeContract } from './exposeContract';

exposeContract();
