package com.chainatlas.ingest.table;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/**
 * Sits in front of POI's sheet handler and passes at most {@code keep} characters of one cell ({@code <c>})
 * on: POI buffers a cell's whole text, so a single inline string of hundreds of megabytes (which compresses
 * to almost nothing) would otherwise exhaust the heap. The row collector then sees a cell one character too
 * long and reports it.
 */
final class CappedCells implements ContentHandler {

    private final ContentHandler next;
    private final int keep;
    private int cellChars;

    CappedCells(ContentHandler next, int keep) {
        this.next = next;
        this.keep = keep;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if ("c".equals(localName)) {
            cellChars = 0;
        }
        next.startElement(uri, localName, qName, atts);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        int pass = Math.min(length, Math.max(0, keep - cellChars));
        cellChars += pass;
        if (pass > 0) {
            next.characters(ch, start, pass);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        next.endElement(uri, localName, qName);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        next.setDocumentLocator(locator);
    }

    @Override
    public void startDocument() throws SAXException {
        next.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
        next.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        next.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
        next.endPrefixMapping(prefix);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        next.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        next.processingInstruction(target, data);
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
        next.skippedEntity(name);
    }
}
