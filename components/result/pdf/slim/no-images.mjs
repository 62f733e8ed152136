// @react-pdf/layout reads <Image> sources with @react-pdf/image (its JPEG and PNG decoders are 32 KB
// of the PDF chunk). The recap has text and lines only (components/result/pdf/recap-document.tsx).
export default function resolveImage() {
  return Promise.reject(new Error('The PDF recap has no images'));
}
