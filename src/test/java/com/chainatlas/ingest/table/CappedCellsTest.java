package com.chainatlas.ingest.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/** The SAX filter in front of POI's sheet handler: what reaches POI is cut per cell, before POI buffers it. */
class CappedCellsTest {

    /** Counts what it is given, per cell, as POI's handler would buffer it. */
    static final class Buffering extends DefaultHandler {
        final StringBuilder cell = new StringBuilder();
        int cells;
        int longest;

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes atts) {
            if ("c".equals(localName)) {
                cell.setLength(0);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            cell.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if ("c".equals(localName)) {
                cells++;
                longest = Math.max(longest, cell.length());
            }
        }
    }

    @Test
    void aCellArrivingInManyChunksIsPassedOnOnlyUpToTheCapPlusOne() throws SAXException {
        Buffering poi = new Buffering();
        CappedCells capped = new CappedCells(poi, 101);
        char[] chunk = "0123456789".repeat(400).toCharArray(); // 4,000 characters per SAX call
        for (int cell = 0; cell < 3; cell++) {
            capped.startElement("", "c", "c", new AttributesImpl());
            capped.startElement("", "t", "t", new AttributesImpl());
            for (int i = 0; i < (cell == 1 ? 2_500 : 1); i++) { // the middle cell: 10 million characters
                capped.characters(chunk, 0, cell == 2 ? 50 : chunk.length);
            }
            capped.endElement("", "t", "t");
            capped.endElement("", "c", "c");
        }
        assertThat(poi.cells).isEqualTo(3);
        assertThat(poi.longest).isEqualTo(101);
        assertThat(poi.cell.toString()).hasSize(50); // the next cell starts afresh
    }
}
