import { expect, test } from 'vitest';
import { contentData } from './data';
import { flowContent } from './flow';
import { parseContent } from './index';

test('the plain data the browser uses is exactly what validation produces', () => {
  expect(parseContent(contentData)).toEqual(contentData);
});

test('question pages carry the same questions and branching as the full bundle', () => {
  expect(flowContent.questions).toBe(contentData.questions);
  expect(flowContent.sections).toBe(contentData.sections);
  expect(flowContent.version).toBe(contentData.version);
});
