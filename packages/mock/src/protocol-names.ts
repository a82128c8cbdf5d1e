/**
 * The names of the REST conventions every Veeam body shares (not of any resource): the head of
 * an entity or reference, a link, and the query service's parameters and paging. The spec's
 * format fixes them; a model of another API with the same conventions works unchanged.
 */
export const Head = { Href: 'Href', Type: 'Type', Name: 'Name', UID: 'UID', Links: 'Links' } as const;

/** A link's attributes and the relations the mock writes itself. */
export const LinkAttr = { Rel: 'Rel', Href: 'Href', Name: 'Name', Type: 'Type' } as const;
export const Rel = { Up: 'Up', Alternate: 'Alternate', Related: 'Related', Delete: 'Delete', Down: 'Down', First: 'First', Previous: 'Previous', Next: 'Next', Last: 'Last' } as const;

/** The query service's parameters. */
export const QueryParam = { filter: 'filter', sortAsc: 'sortAsc', sortDesc: 'sortDesc', pageSize: 'pageSize', page: 'page' } as const;

/** The query result's paging element and its attributes. */
export const Paging = { element: 'PagingInfo', PageNum: 'PageNum', PageSize: 'PageSize', PagesCount: 'PagesCount' } as const;

/** The fields of an entity's head: never generated, always built per request. */
export const HEAD_FIELDS: ReadonlySet<string> = new Set([Head.Href, Head.Type, Head.UID, Head.Links]);

/** The scheme of every UID, `urn:veeam:<Type>:<id>` (the spec's Uid pattern). */
export const UID_SCHEME = 'urn:veeam:';
