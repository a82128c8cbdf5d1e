import { followLinks } from './follow-links.js';

/** Following an Up link gives the documented parent (the backup server reference). */
export const linksUp = followLinks('links.up', 'Up', 'following Up gives the documented parent', false);
