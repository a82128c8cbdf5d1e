import { BodyTooLargeError, MalformedXmlError, NotJsonError, NotXmlError, UnsafeJsonError, UnsafeXmlError, type XmlCodecError } from '@vbem/models';

/** Whether the codec got past syntax: the body parsed as XML or JSON (the one asked for), whatever its shape. */
export const parsedBody = (error: XmlCodecError | undefined): boolean =>
  ![MalformedXmlError, NotXmlError, UnsafeXmlError, NotJsonError, UnsafeJsonError, BodyTooLargeError].some((kind) => error instanceof kind);
