/**
 * A small flow layout over pdfkit for the recap: blocks of text laid down the page one after another,
 * in boxes, in columns, kept together or free to break across pages, with a footer on every page.
 * pdfkit wraps and breaks the text; this adds only what the recap needs on top (a block kept with the
 * next, a box drawn around a block that may cross a page, two columns side by side). Pure layout: the
 * words come from the recap's renderers (recap-document.ts).
 */
import type PDFDocument from 'pdfkit';

type TDoc = InstanceType<typeof PDFDocument>;

/** A run of text inside a paragraph: a bold label, a muted citation, a coloured warning. */
export type TRun = { text: string; bold?: boolean; color?: string };

export type TTextStyle = {
  size?: number;
  /** Line height as a multiple of the size (the natural line of the font when absent). */
  lineHeight?: number;
  color?: string;
  bold?: boolean;
  upper?: boolean;
  align?: 'left' | 'right';
  marginTop?: number;
  marginBottom?: number;
  indent?: number;
  /** Space on the left of every line (a list under a label). */
  inset?: number;
  /** What a screen reader is told the paragraph is: a heading of a level, or a paragraph (the default). */
  role?: 'H1' | 'H2' | 'H3' | 'P';
  /** A line under the paragraph (a section heading). */
  rule?: { color: string; width: number; gap: number };
};

export type TBox = { color: string } & ({ kind: 'bar'; width: number; padding: number } | { kind: 'frame'; width: number; padding: number; dashed?: boolean });

/** One column of a row: its width in points and what it holds. */
export type TColumn = { width: number; node: TNode; /** Space kept clear on its right. */ gap?: number };

export type TBar = { name: string; bold: boolean; from: number; width: number; zero: number; threshold: number; colour: string; value: string };

export type TNode =
  | { kind: 'text'; runs: TRun[]; style?: TTextStyle }
  | { kind: 'stack'; children: TNode[]; keep?: boolean; box?: TBox; marginTop?: number; marginBottom?: number }
  | { kind: 'row'; columns: TColumn[]; rule?: { color: string; width: number }; padding?: number }
  | { kind: 'bars'; rows: TBar[]; nameWidth: number; trackWidth: number; valueWidth: number; ink: string; muted: string };

export type TFlowStyle = { size: number; lineHeight: number; color: string; fonts: { regular: string; bold: string } };

// ── Building blocks ─────────────────────────────────────────────────────────────────────────────

export const text = (runs: TRun[] | string, style?: TTextStyle): TNode => ({ kind: 'text', runs: typeof runs === 'string' ? [{ text: runs }] : runs, style });
export const stack = (children: (TNode | null | false | undefined)[], options: Omit<Extract<TNode, { kind: 'stack' }>, 'kind' | 'children'> = {}): TNode => ({
  kind: 'stack',
  children: children.filter((c): c is TNode => Boolean(c)),
  ...options,
});
/** A block that is never split across pages (when it fits on one). */
export const keep = (children: (TNode | null | false | undefined)[], options: Omit<Extract<TNode, { kind: 'stack' }>, 'kind' | 'children' | 'keep'> = {}) =>
  stack(children, { ...options, keep: true });
/** A heading kept on one page with the first block after it; the others follow, free to break. */
export const keepWithNext = (heading: TNode, blocks: TNode[]): TNode => stack([keep([heading, blocks[0]]), ...blocks.slice(1)]);

// ── Layout ──────────────────────────────────────────────────────────────────────────────────────

type TSegment = { page: number; top: number; bottom: number; x: number; width: number; box: TBox };
type TStructure = ReturnType<TDoc['struct']>;

/**
 * Lays blocks down the pages of a tagged PDF: every paragraph is a heading or a paragraph of the
 * document's structure, in reading order, and every line, box and bar is marked as an artifact, so a
 * screen reader reads the words, in order, and can move from heading to heading.
 */
export class Flow {
  private readonly segments: TSegment[] = [];
  private readonly open: { top: number; x: number; width: number; box: TBox }[] = [];
  private page = 0;
  private readonly structure: TStructure;
  /** Off while an artifact is drawn: its words are not part of the document's structure. */
  private tagging = true;

  constructor(
    private readonly doc: TDoc,
    private readonly style: TFlowStyle,
  ) {
    this.structure = doc.struct('Document');
    doc.addStructure(this.structure);
    // A box open when pdfkit starts a new page is drawn to the foot of the old page and goes on at
    // the top of the new one.
    doc.on('pageAdded', () => {
      for (const o of this.open) {
        this.segments.push({ page: this.page, top: o.top, bottom: this.bottom, x: o.x, width: o.width, box: o.box });
        o.top = this.doc.page.margins.top;
      }
      this.page += 1;
    });
  }

  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  private get pageHeight() {
    return this.bottom - this.doc.page.margins.top;
  }

  private options(style: TTextStyle | undefined, width: number) {
    const size = style?.size ?? this.style.size;
    const lineHeight = style?.lineHeight ?? this.style.lineHeight;
    this.doc.fontSize(size);
    const natural = this.doc.currentLineHeight(false);
    return { width, lineGap: Math.max(0, lineHeight * size - natural), align: style?.align ?? 'left', indent: style?.indent ?? 0 };
  }

  private runsOf(node: Extract<TNode, { kind: 'text' }>): TRun[] {
    const runs = node.runs.filter((r) => r.text !== '');
    return node.style?.upper ? runs.map((r) => ({ ...r, text: r.text.toUpperCase() })) : runs;
  }

  /** The height a node takes at this width: never less than it draws (a bold font measures a mixed paragraph). */
  measure(node: TNode, width: number): number {
    switch (node.kind) {
      case 'text': {
        const runs = this.runsOf(node);
        if (runs.length === 0) return 0;
        const st = node.style;
        const options = this.options(st, width - (st?.inset ?? 0));
        const bold = st?.bold || runs.some((r) => r.bold);
        this.doc.font(bold ? this.style.fonts.bold : this.style.fonts.regular);
        const h = this.doc.heightOfString(runs.map((r) => r.text).join(''), options);
        return (st?.marginTop ?? 0) + h + (st?.rule ? st.rule.gap + st.rule.width : 0) + (st?.marginBottom ?? 0);
      }
      case 'stack': {
        const inner = width - this.boxInset(node.box);
        const pad = node.box ? this.boxPadY(node.box) * 2 : 0;
        return (node.marginTop ?? 0) + pad + node.children.reduce((h, c) => h + this.measure(c, inner), 0) + (node.marginBottom ?? 0);
      }
      case 'row':
        return Math.max(...node.columns.map((c) => this.measure(c.node, c.width - (c.gap ?? 0)))) + (node.padding ?? 0) * 2 + (node.rule?.width ?? 0);
      case 'bars':
        return node.rows.length * (this.measure(text('X'), node.nameWidth) + 2);
    }
  }

  private boxInset(box: TBox | undefined) {
    if (!box) return 0;
    return box.kind === 'bar' ? box.width + box.padding : 2 * (box.width + box.padding);
  }
  private boxPadY(box: TBox) {
    return box.kind === 'bar' ? 3 : box.width + box.padding;
  }

  /** Start a new page when `height` does not fit in what is left of this one (and fits on a page). */
  private room(height: number) {
    if (this.doc.y + height > this.bottom && height <= this.pageHeight && this.doc.y > this.doc.page.margins.top + 0.5) this.doc.addPage();
  }

  /** Draw a node at `x`, `width` wide, from the current position down. */
  draw(node: TNode, x: number, width: number): void {
    switch (node.kind) {
      case 'text':
        return this.drawText(node, x, width);
      case 'stack':
        return this.drawStack(node, x, width);
      case 'row':
        return this.drawRow(node, x);
      case 'bars':
        return this.drawBars(node, x);
    }
  }

  private drawText(node: Extract<TNode, { kind: 'text' }>, left: number, whole: number) {
    const runs = this.runsOf(node);
    if (runs.length === 0) return;
    const st = node.style;
    const x = left + (st?.inset ?? 0);
    const width = whole - (st?.inset ?? 0);
    const options = this.options(st, width);
    // The first line, with its margin, on this page.
    this.room((st?.marginTop ?? 0) + this.doc.currentLineHeight(true) + options.lineGap);
    this.doc.y += st?.marginTop ?? 0;
    const top = this.doc.y;
    const write = () =>
      runs.forEach((run, i) => {
        this.doc.font(run.bold || st?.bold ? this.style.fonts.bold : this.style.fonts.regular);
        this.doc.fillColor(run.color ?? st?.color ?? this.style.color);
        const continued = i < runs.length - 1;
        if (i === 0) this.doc.text(run.text, x, top, { ...options, continued });
        else this.doc.text(run.text, { ...options, continued });
      });
    if (this.tagging) this.structure.add(this.doc.struct(st?.role ?? 'P', {}, write));
    else write();
    if (st?.rule) {
      this.doc.y += st.rule.gap;
      const y = this.doc.y;
      this.artifact(() => this.doc.moveTo(x, y).lineTo(x + width, y).lineWidth(st.rule!.width).strokeColor(st.rule!.color).undash().stroke());
      this.doc.y += st.rule.width;
    }
    this.doc.y += st?.marginBottom ?? 0;
    this.doc.x = left;
  }

  private drawStack(node: Extract<TNode, { kind: 'stack' }>, x: number, width: number) {
    if (node.keep) this.room(this.measure(node, width));
    this.doc.y += node.marginTop ?? 0;
    const box = node.box;
    if (box) {
      this.room(this.boxPadY(box) * 2 + this.doc.currentLineHeight(true));
      this.open.push({ top: this.doc.y, x, width, box });
      this.doc.y += this.boxPadY(box);
    }
    const innerX = x + (box ? box.width + box.padding : 0);
    const innerWidth = width - this.boxInset(box);
    for (const child of node.children) this.draw(child, innerX, innerWidth);
    if (box) {
      this.doc.y += this.boxPadY(box);
      const o = this.open.pop()!;
      this.segments.push({ page: this.page, top: o.top, bottom: this.doc.y, x, width, box });
    }
    this.doc.y += node.marginBottom ?? 0;
    this.doc.x = x;
  }

  private drawRow(node: Extract<TNode, { kind: 'row' }>, x: number) {
    const height = this.measure(node, 0);
    this.room(height);
    const top = this.doc.y + (node.padding ?? 0);
    let bottom = top;
    let left = x;
    for (const column of node.columns) {
      this.doc.y = top;
      this.draw(column.node, left, column.width - (column.gap ?? 0));
      bottom = Math.max(bottom, this.doc.y);
      left += column.width;
    }
    this.doc.y = bottom + (node.padding ?? 0);
    if (node.rule) {
      const { width, color } = node.rule;
      const y = this.doc.y;
      this.artifact(() => this.doc.moveTo(x, y).lineTo(left, y).lineWidth(width).strokeColor(color).undash().stroke());
      this.doc.y += width;
    }
    this.doc.x = x;
  }

  private drawBars(node: Extract<TNode, { kind: 'bars' }>, x: number) {
    this.room(this.measure(node, 0));
    const track = x + node.nameWidth;
    for (const r of node.rows) {
      const top = this.doc.y;
      this.drawText({ kind: 'text', runs: [{ text: r.name, bold: r.bold }] }, x, node.nameWidth - 4);
      const lineBottom = this.doc.y;
      const mid = top + (lineBottom - top) / 2;
      const at = (pct: number) => track + (pct / 100) * node.trackWidth;
      // The bars draw the numbers written beside them: an artifact to a screen reader.
      this.artifact(() => {
        this.doc.rect(at(r.from), mid - 4, (r.width / 100) * node.trackWidth, 8).fillColor(r.colour).fill();
        this.doc.rect(at(r.zero), mid - 5, 0.7, 10).fillColor(node.ink).fill();
        this.doc.moveTo(at(r.threshold), mid - 6).lineTo(at(r.threshold), mid + 6).lineWidth(0.8).strokeColor(node.muted).dash(2, { space: 1.5 }).stroke().undash();
      });
      this.doc.y = top;
      this.drawText({ kind: 'text', runs: [{ text: r.value }] }, track + node.trackWidth + 4, node.valueWidth);
      this.doc.y = Math.max(this.doc.y, lineBottom) + 2;
    }
    this.doc.x = x;
  }

  /** Draw what is not read (a line, a box, a bar), marked so that a screen reader passes it by. */
  private artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout') {
    const tagging = this.tagging;
    this.tagging = false;
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
    this.tagging = tagging;
  }

  /** Draw the borders of every box, on every page it crossed. */
  drawBoxes(): void {
    for (const s of this.segments) {
      this.doc.switchToPage(s.page);
      this.artifact(() => this.drawBox(s));
    }
  }

  private drawBox(s: TSegment) {
    const { box } = s;
    this.doc.lineWidth(box.width).strokeColor(box.color);
    if (box.kind === 'bar') {
      this.doc.rect(s.x, s.top, box.width, s.bottom - s.top).fillColor(box.color).fill();
      return;
    }
    if (box.dashed) this.doc.dash(4, { space: 3 });
    const half = box.width / 2;
    this.doc.rect(s.x + half, s.top + half, s.width - box.width, s.bottom - s.top - box.width).stroke();
    this.doc.undash();
  }

  /** Run `draw` with the bottom margin open: writing below it would start a new page. */
  private inBottomMargin(draw: () => void) {
    const margin = this.doc.page.margins.bottom;
    const { x, y } = this.doc;
    this.doc.page.margins.bottom = 0;
    draw();
    this.doc.page.margins.bottom = margin;
    Object.assign(this.doc, { x, y });
  }

  /** Write a paragraph at a fixed place on this page (its foot), outside the flow, read where it is written. */
  place(node: TNode, x: number, y: number, width: number): void {
    this.inBottomMargin(() => {
      this.doc.y = y;
      this.draw(node, x, width);
    });
  }

  /** Draw on every page, at its foot, what `draw(page number, page count)` draws: an artifact, not read. */
  footers(draw: (page: number, pages: number) => void): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      this.inBottomMargin(() => this.artifact(() => draw(i - start + 1, count), 'Pagination'));
    }
  }

  /** Close the document's structure: call once, after the last block. */
  end(): void {
    this.structure.end();
  }
}
