import { BodyTooLargeError, MalformedXmlError, NotXmlError, UnsafeXmlError, type XmlCodecError } from '@vbem/models';

/** Whether the codec got past syntax: the body parsed as XML, whatever its shape. */
export const parsedAsXml = (error: XmlCodecError | undefined): boolean =>
  ![MalformedXmlError, NotXmlError, UnsafeXmlError, BodyTooLargeError].some((kind) => error instanceof kind);
