package com.chainatlas.ingest.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * POI's read-only shared-string table, keeping at most {@code keep} characters of each string: the table is
 * held in memory, so one huge shared string must be cut while it is parsed (the cell using it is reported).
 */
final class CappedSharedStrings extends ReadOnlySharedStringsTable {

    private static final byte[] EMPTY = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"
            .getBytes(StandardCharsets.US_ASCII);

    private int keep = Integer.MAX_VALUE;
    private int chars;

    /** POI's constructors parse at once, before a subclass field is set: start empty, then read the part. */
    private CappedSharedStrings() throws IOException, SAXException {
        super(new ByteArrayInputStream(EMPTY), false);
    }

    static CappedSharedStrings of(OPCPackage pkg, int keep) throws IOException, SAXException {
        CappedSharedStrings table = new CappedSharedStrings();
        table.keep = keep;
        var parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (!parts.isEmpty()) {
            PackagePart part = parts.get(0);
            try (InputStream in = part.getInputStream()) {
                table.readFrom(in);
            }
        }
        return table;
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes attributes) throws SAXException {
        if ("si".equals(localName)) {
            chars = 0;
        }
        super.startElement(uri, localName, name, attributes);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        int pass = Math.min(length, Math.max(0, keep - chars));
        chars += pass;
        if (pass > 0) {
            super.characters(ch, start, pass);
        }
    }
}
