// pdfkit decodes PNG images with png-js. The recap draws no image (components/result/pdf/flow.ts), so
// the decoder stays out of the PDF chunk, which every first visit precaches for offline use.
export default class NoPng {
  constructor() {
    throw new Error('The PDF recap embeds no PNG image: the PNG decoder is left out of the PDF code');
  }
}
