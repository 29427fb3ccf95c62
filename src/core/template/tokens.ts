/**
 * The opaque tokens that stand for values while a template's Markdown is parsed (render.ts,
 * step 1): two private-use characters around the value's number, which compileTemplate
 * refuses in a template, so its own text can't forge one (values never enter the source).
 */
export const TOKEN_OPEN = '\uE000';
export const TOKEN_CLOSE = '\uE001';
export const TOKEN = /\uE000(\d+)\uE001/g;
export const ONE_TOKEN = /^\uE000(\d+)\uE001$/;
