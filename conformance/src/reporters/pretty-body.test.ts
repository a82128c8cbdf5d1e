import { expect, it } from 'vitest';
import { markedLines, pathsIn, prettyBody } from './pretty-body.js';

const xml = '<?xml version="1.0"?><Things xmlns="urn:t"><Thing Href="a"><Name>one</Name><When>x</When></Thing><Thing Href="b"><Name>two</Name><When>y</When></Thing></Things>';

it('lays XML out one tag per line, a leaf with its text on one line', () => {
  expect(prettyBody(xml, 'application/xml').lines).toEqual([
    '<?xml version="1.0"?>',
    '<Things xmlns="urn:t">',
    '  <Thing Href="a">',
    '    <Name>one</Name>',
    '    <When>x</When>',
    '  </Thing>',
    '  <Thing Href="b">',
    '    <Name>two</Name>',
    '    <When>y</When>',
    '  </Thing>',
    '</Things>',
  ]);
});

it('marks the line of the XML element a message names, by its 1-based index', () => {
  const body = prettyBody(xml, 'application/xml');
  expect(markedLines(body, "Things: /Things/Thing[2]/When: expected a date, got 'y'")).toEqual([8]);
});

it('marks every sibling when the message names an element without an index, and the element of a named attribute', () => {
  const body = prettyBody(xml);
  expect(markedLines(body, '/Things/Thing/Name: an undocumented element Name')).toEqual([3, 7]);
  expect(markedLines(body, '/Things/Thing[1]/@Href: expected a URL')).toEqual([2]);
});

it('marks the line of the JSON value a message names, by its 0-based index', () => {
  const body = prettyBody('{"Things":[{"Name":"one"},{"Name":"two","When":1}]}', 'application/json');
  expect(body.lines[markedLines(body, '$.Things[1].When: expected a date-time, got 1')[0]!]).toBe('      "When": 1');
  expect(markedLines(body, '$.Things[1].Other: expected no such property')).toEqual([]);
});

it('shows a body that does not parse as its type says as it came', () => {
  expect(prettyBody('{"cut": ', 'application/json').lines).toEqual(['{"cut": ']);
  expect(prettyBody('plain\ntext', 'text/plain').lines).toEqual(['plain', 'text']);
});

it('finds XML and JSON paths in a message, not words', () => {
  expect(pathsIn('/A/B[2]/@Id: expected a UID; $.A[0].B: got "x"; expected 404 at an id')).toEqual(['/A/B[2]/@Id', '$.A[0].B']);
});
