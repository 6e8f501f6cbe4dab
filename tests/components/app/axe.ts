import axe from 'axe-core';

/**
 * axe-core in happy-dom. Colour contrast cannot be computed here (the lead runs full axe in Chromium).
 * A component shown on its own is not inside the app's landmarks, so `isolated` also skips "region".
 */
export async function axeViolations(root: Element = document.body, isolated = true): Promise<string[]> {
  const rules: Record<string, { enabled: boolean }> = { 'color-contrast': { enabled: false } };
  if (isolated) rules.region = { enabled: false };
  const result = await axe.run(root, { rules });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}
