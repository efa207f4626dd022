/** Preload of the quick-ask window: the same contract, nothing more. */
import { exposeContract } from './exposeContract';

exposeContract();
