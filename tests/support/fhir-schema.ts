/**
 * A compact zod schema of the FHIR R4 (4.0.1) subset this app writes: Questionnaire and
 * QuestionnaireResponse with choice items, enableWhen and Coding answers. It checks the required
 * elements, cardinalities, value sets and invariants that apply to that subset, and rejects
 * elements R4 does not define (strict objects), so a misspelt element fails rather than being
 * ignored by a receiving system. Used by the tests; not a general FHIR validator.
 *
 * R4 general rules applied throughout: no empty strings, no empty arrays, no nulls.
 */
import * as z from 'zod';

const str = z.string().min(1).regex(/[ \r\n\t\S]+/);
/** R4 `code`: no leading or trailing whitespace, no runs of inner whitespace. */
const code = z.string().regex(/^[^\s]+( [^\s]+)*$/);
const uri = z.string().regex(/^\S+$/);
/** R4 `id`. */
const id = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/);
/** R4 `dateTime`: a year, year-month, date, or date-time with seconds and a time zone. */
const dateTime = z
  .string()
  .regex(
    /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/,
  );
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1);

export const ZR4Coding = z.strictObject({
  system: uri.optional(),
  version: str.optional(),
  code: code.optional(),
  display: str.optional(),
  userSelected: z.boolean().optional(),
});

const ANSWER_X = [
  'answerBoolean',
  'answerDecimal',
  'answerInteger',
  'answerDate',
  'answerDateTime',
  'answerTime',
  'answerString',
  'answerCoding',
  'answerQuantity',
  'answerReference',
] as const;

export const ZR4EnableWhen = z
  .strictObject({
    question: str,
    operator: z.enum(['exists', '=', '!=', '>', '<', '>=', '<=']),
    answerBoolean: z.boolean().optional(),
    answerDecimal: z.number().optional(),
    answerInteger: z.number().int().optional(),
    answerDate: str.optional(),
    answerDateTime: dateTime.optional(),
    answerTime: str.optional(),
    answerString: str.optional(),
    answerCoding: ZR4Coding.optional(),
    answerQuantity: z.record(z.string(), z.unknown()).optional(),
    answerReference: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((w, ctx) => {
    const present = ANSWER_X.filter((k) => w[k] !== undefined);
    if (present.length !== 1)
      ctx.addIssue({ code: 'custom', message: `enableWhen needs exactly one answer[x], found ${present.length}` });
    // que-7: exists takes a boolean, the other operators do not.
    if ((w.operator === 'exists') !== (w.answerBoolean !== undefined))
      ctx.addIssue({ code: 'custom', message: 'que-7: operator "exists" if and only if answerBoolean' });
  });

/** An extension with a boolean value (optionExclusive). */
export const ZR4BooleanExtension = z.strictObject({ url: uri, valueBoolean: z.boolean() });
/** An extension with a CodeableConcept value (itemControl). */
export const ZR4CodeableConceptExtension = z.strictObject({
  url: uri,
  valueCodeableConcept: z.strictObject({ coding: list(ZR4Coding), text: str.optional() }),
});

const ANSWER_OPTION_X = ['valueInteger', 'valueDate', 'valueTime', 'valueString', 'valueCoding', 'valueReference'] as const;

export const ZR4AnswerOption = z
  .strictObject({
    extension: list(ZR4BooleanExtension).optional(),
    valueInteger: z.number().int().optional(),
    valueDate: str.optional(),
    valueTime: str.optional(),
    valueString: str.optional(),
    valueCoding: ZR4Coding.optional(),
    valueReference: z.record(z.string(), z.unknown()).optional(),
    initialSelected: z.boolean().optional(),
  })
  .refine((o) => ANSWER_OPTION_X.filter((k) => o[k] !== undefined).length === 1, {
    error: 'answerOption needs exactly one value[x]',
  });

const ITEM_TYPES = [
  'group',
  'display',
  'boolean',
  'decimal',
  'integer',
  'date',
  'dateTime',
  'time',
  'string',
  'text',
  'url',
  'choice',
  'open-choice',
  'attachment',
  'reference',
  'quantity',
] as const;

export type TR4QuestionnaireItem = {
  linkId: string;
  definition?: string | undefined;
  prefix?: string | undefined;
  text?: string | undefined;
  type: (typeof ITEM_TYPES)[number];
  enableWhen?: z.infer<typeof ZR4EnableWhen>[] | undefined;
  enableBehavior?: 'all' | 'any' | undefined;
  required?: boolean | undefined;
  repeats?: boolean | undefined;
  readOnly?: boolean | undefined;
  maxLength?: number | undefined;
  answerValueSet?: string | undefined;
  answerOption?: z.infer<typeof ZR4AnswerOption>[] | undefined;
  item?: TR4QuestionnaireItem[] | undefined;
  extension?: z.infer<typeof ZR4CodeableConceptExtension>[] | undefined;
};

export const ZR4QuestionnaireItem: z.ZodType<TR4QuestionnaireItem> = z.lazy(() =>
  z
    .strictObject({
      linkId: z.string().min(1).max(255),
      extension: list(ZR4CodeableConceptExtension).optional(),
      definition: uri.optional(),
      prefix: str.optional(),
      text: str.optional(),
      type: z.enum(ITEM_TYPES),
      enableWhen: list(ZR4EnableWhen).optional(),
      enableBehavior: z.enum(['all', 'any']).optional(),
      required: z.boolean().optional(),
      repeats: z.boolean().optional(),
      readOnly: z.boolean().optional(),
      maxLength: z.number().int().optional(),
      answerValueSet: uri.optional(),
      answerOption: list(ZR4AnswerOption).optional(),
      item: list(ZR4QuestionnaireItem).optional(),
    })
    .superRefine((item, ctx) => {
      const issue = (message: string) => ctx.addIssue({ code: 'custom', message: `${item.linkId}: ${message}` });
      // que-12: enableBehavior is required when there is more than one enableWhen.
      if ((item.enableWhen?.length ?? 0) > 1 && item.enableBehavior === undefined)
        issue('que-12: enableBehavior is required with more than one enableWhen');
      // que-1: groups have items, display items have none.
      if (item.type === 'group' && !item.item) issue('que-1: a group must have items');
      if (item.type === 'display' && item.item) issue('que-1: a display item cannot have items');
      // que-4, que-5: answer options only on choice items, and not together with a value set.
      if (item.answerOption && !['choice', 'open-choice'].includes(item.type))
        issue('que-5: only choice and open-choice items can have answerOption');
      if (item.answerOption && item.answerValueSet) issue('que-4: answerOption and answerValueSet are exclusive');
      // que-6: no required or repeats on display items.
      if (item.type === 'display' && (item.required !== undefined || item.repeats !== undefined))
        issue('que-6: display items cannot be required or repeat');
      if (item.type === 'choice' && !item.answerOption && !item.answerValueSet)
        issue('a choice item needs answerOption or answerValueSet');
    }),
);

function linkIdsOf(items: readonly TR4QuestionnaireItem[]): TR4QuestionnaireItem[] {
  return items.flatMap((i) => [i, ...linkIdsOf(i.item ?? [])]);
}

export const ZR4Questionnaire = z
  .strictObject({
    resourceType: z.literal('Questionnaire'),
    id: id.optional(),
    meta: z.strictObject({ profile: list(uri).optional() }).optional(),
    url: uri.optional(),
    version: str.optional(),
    // que-0 (warning in R4): name is computer-friendly.
    name: z.string().regex(/^[A-Z]([A-Za-z0-9_]){0,254}$/).optional(),
    title: str.optional(),
    status: z.enum(['draft', 'active', 'retired', 'unknown']),
    experimental: z.boolean().optional(),
    subjectType: list(code).optional(),
    date: dateTime.optional(),
    publisher: str.optional(),
    description: str.optional(),
    purpose: str.optional(),
    copyright: str.optional(),
    item: list(ZR4QuestionnaireItem).optional(),
  })
  .superRefine((q, ctx) => {
    const all = linkIdsOf(q.item ?? []);
    const ids = all.map((i) => i.linkId);
    // que-2: linkIds are unique within the Questionnaire.
    const dup = ids.find((x, i) => ids.indexOf(x) !== i);
    if (dup) ctx.addIssue({ code: 'custom', message: `que-2: linkId "${dup}" is not unique` });
    // enableWhen.question must name an item of this Questionnaire whose answers can match.
    const byId = new Map(all.map((i) => [i.linkId, i]));
    for (const item of all) {
      for (const w of item.enableWhen ?? []) {
        const target = byId.get(w.question);
        if (!target) {
          ctx.addIssue({ code: 'custom', message: `${item.linkId}: enableWhen names unknown item "${w.question}"` });
          continue;
        }
        if (target.type === 'group' || target.type === 'display')
          ctx.addIssue({ code: 'custom', message: `${item.linkId}: enableWhen names non-question item "${w.question}"` });
        const coding = w.answerCoding;
        if (coding && target.answerOption && !target.answerOption.some((o) => o.valueCoding?.code === coding.code && o.valueCoding?.system === coding.system))
          ctx.addIssue({ code: 'custom', message: `${item.linkId}: enableWhen compares ${w.question} with a code it does not offer: ${coding.code}` });
      }
    }
  });

/** An R4 Reference as this app writes it: a relative reference and, for evidence, its text. */
export const ZR4Reference = z.strictObject({ reference: str, display: str.optional() });
/** An extension with a Reference value (the answer's record entry). */
export const ZR4ReferenceExtension = z.strictObject({ url: uri, valueReference: ZR4Reference });

const RESPONSE_VALUE_X = [
  'valueBoolean',
  'valueDecimal',
  'valueInteger',
  'valueDate',
  'valueDateTime',
  'valueTime',
  'valueString',
  'valueUri',
  'valueAttachment',
  'valueCoding',
  'valueQuantity',
  'valueReference',
] as const;

export type TR4ResponseItem = {
  linkId: string;
  definition?: string | undefined;
  text?: string | undefined;
  answer?: Record<string, unknown>[] | undefined;
  item?: TR4ResponseItem[] | undefined;
};

export const ZR4ResponseItem: z.ZodType<TR4ResponseItem> = z.lazy(() =>
  z
    .strictObject({
      linkId: z.string().min(1),
      definition: uri.optional(),
      text: str.optional(),
      answer: list(
        z
          .strictObject({
            valueBoolean: z.boolean().optional(),
            valueDecimal: z.number().optional(),
            valueInteger: z.number().int().optional(),
            valueDate: str.optional(),
            valueDateTime: dateTime.optional(),
            valueTime: str.optional(),
            valueString: str.optional(),
            valueUri: uri.optional(),
            valueAttachment: z.record(z.string(), z.unknown()).optional(),
            valueCoding: ZR4Coding.optional(),
            valueQuantity: z.record(z.string(), z.unknown()).optional(),
            valueReference: z.record(z.string(), z.unknown()).optional(),
            item: list(ZR4ResponseItem).optional(),
            extension: list(ZR4ReferenceExtension).optional(),
          })
          // value[x] is 0..1.
          .refine((a) => RESPONSE_VALUE_X.filter((k) => a[k] !== undefined).length <= 1, {
            error: 'an answer has at most one value[x]',
          }),
      ).optional(),
      item: list(ZR4ResponseItem).optional(),
    })
    // qrs-1: an item cannot contain both answers and nested items.
    .refine((i) => !(i.answer && i.item), { error: 'qrs-1: an item cannot have both answer and item' }),
);

export const ZR4QuestionnaireResponse = z.strictObject({
  resourceType: z.literal('QuestionnaireResponse'),
  id: id.optional(),
  questionnaire: uri.optional(),
  status: z.enum(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']),
  subject: ZR4Reference.optional(),
  authored: dateTime.optional(),
  author: ZR4Reference.optional(),
  source: ZR4Reference.optional(),
  item: list(ZR4ResponseItem).optional(),
});
