import { followLinks } from './follow-links.js';

/** Following an Alternate link gives the other form of the same entity: same UID. */
export const linksAlternate = followLinks('links.alternate', 'Alternate', "following Alternate gives the same entity (same UID)", true);
