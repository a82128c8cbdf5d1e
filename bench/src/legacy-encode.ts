// The baseline of the encode figure: the XMLBuilder-based encoder the codec had before it wrote text
// from its plans. One copy of it, packages/models/test/legacy-encode.ts, also the oracle of the test
// that the documented examples still encode byte for byte the same.
import { builtinModel } from '@vbem/models';
import { legacyEncodeIn } from '../../packages/models/test/legacy-encode.js';

export const legacyEncode = (type: string, value: unknown): string => legacyEncodeIn(builtinModel, type, value);
