// pdfkit encrypts a document with AES from @noble/ciphers only when it is given a password. The recap
// never is (components/result/pdf/render.ts), so the cipher stays out of the PDF chunk, which every
// first visit precaches for offline use.
const refuse = () => {
  throw new Error('The PDF recap is not encrypted: AES is left out of the PDF code');
};
export const cbc = refuse;
export const ecb = refuse;
