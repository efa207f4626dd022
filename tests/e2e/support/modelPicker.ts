import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The model picker (a button that opens a searchable list). `testId` names the picker:
 * 'model-picker' in a chat's header, 'quick-model-picker' in the quick-ask window,
 * 'quick-model-select' in the quick-ask settings.
 */
export function modelPicker(page: Page | Locator, testId = 'model-picker'): Locator {
  return page.getByTestId(testId);
}

/** The options of an open picker (one popover is open at a time). */
export function modelOptions(page: Page, testId = 'model-picker'): Locator {
  return page.getByTestId(`${testId}-popover`).getByTestId('model-option');
}

/** Opens the picker with the mouse and clicks `provider`'s `model`, as a user would. */
export async function chooseModel(page: Page, provider: string, model: string, testId = 'model-picker'): Promise<void> {
  await modelPicker(page, testId).click();
  const option = modelOptions(page, testId).and(page.locator(`[data-provider="${provider}"][data-model="${model}"]`));
  await option.click();
  await expect(page.getByTestId(`${testId}-popover`)).toHaveCount(0);
}

/** The button names this provider and model (with `answering`, the model writing the live answer). */
export async function expectModel(page: Page | Locator, provider: string, model: string, testId = 'model-picker'): Promise<void> {
  const button = modelPicker(page, testId);
  await expect(button).toHaveAttribute('data-provider', provider);
  await expect(button).toHaveAttribute('data-model', model);
}
