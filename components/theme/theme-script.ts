/**
 * Runs before first paint (inlined in <head>) so the page never flashes the wrong theme.
 * The choice is 'light', 'dark' or 'system' (absent); 'system' follows prefers-color-scheme.
 */
export const THEME_KEY = 'mlsd-lab:theme';

export const themeScript = `(function(){try{var c=localStorage.getItem('${THEME_KEY}');var d=c==='dark'||(c!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.dataset.theme=d?'dark':'light';}catch(e){document.documentElement.dataset.theme='light';}})();`;
