/**
 * html-validate reports zero errors on every page of the seed archive, at
 * the root and under /archive/. The hostile and Unicode archives are checked
 * in their own test files, on their builds.
 */
import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { htmlErrors } from '../support/htmlValidity.ts';

describe('valid HTML', () => {
  it('every page of the seed archive', async () => {
    const { pages, errors } = await htmlErrors(await fixtureSite('seed'));
    expect(errors).toEqual([]);
    expect(pages).toBeGreaterThanOrEqual(6);
  });

  it('every page of the seed archive under /archive/', async () => {
    const dist = await fixtureSite('archive');
    expect((await htmlErrors(dist)).errors).toEqual([]);
  });

  it('the validator does report invalid HTML (canary)', async () => {
    const { HtmlValidate } = await import('html-validate');
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString('<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><img></body></html>');
    expect(report.valid).toBe(false);
  });
});
