/// <reference types="office-js" />
// Office's theme (Colorful, Dark Gray, Black, White; Office.context.officeTheme) applied to Fluent UI's
// design tokens: the layer colour becomes the pane's background, and the tokens derive text, controls and
// dividers from it with their own contrast rules, so the pane matches Excel in light and dark themes alike.

import { SwatchRGB, baseLayerLuminance, fillColor } from "@fluentui/web-components";

export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  isDarkTheme?: boolean;
}

/** "#1f1f1f" or "1F1F1F" as 0-1 channels; undefined for anything else. */
export function parseHex(color: string | undefined): [number, number, number] | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color?.trim() ?? "");
  return m ? [parseInt(m[1], 16) / 255, parseInt(m[2], 16) / 255, parseInt(m[3], 16) / 255] : undefined;
}

/** WCAG relative luminance of 0-1 sRGB channels. */
export function relativeLuminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Sets the tokens on `root` from the theme; false (and the Fluent light defaults kept) when the host gives no
 * usable background colour.
 */
export function applyOfficeTheme(theme: OfficeThemeColors | undefined, root: HTMLElement = document.body): boolean {
  const background = parseHex(theme?.bodyBackgroundColor);
  if (!background) return false;
  const luminance = relativeLuminance(background);
  const dark = theme?.isDarkTheme ?? luminance < 0.2;
  baseLayerLuminance.setValueFor(root, luminance);
  fillColor.setValueFor(root, SwatchRGB.create(...background));
  // The page itself takes the theme's exact colour (Fluent's layers snap to its palette).
  root.style.setProperty("--assort-background", theme!.bodyBackgroundColor!.trim().replace(/^#?/, "#"));
  root.dataset.theme = dark ? "dark" : "light";
  return true;
}

/**
 * Applies the host's theme as it is now. Excel raises no theme-change event (Office's OfficeThemeChanged is
 * Outlook's), so the pane calls this when it starts and each time it is shown again.
 */
export function followOfficeTheme(): boolean {
  const context = typeof Office === "undefined" ? undefined : (Office.context as { officeTheme?: OfficeThemeColors });
  return applyOfficeTheme(context?.officeTheme);
}
