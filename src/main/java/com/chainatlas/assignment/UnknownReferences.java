package com.chainatlas.assignment;

import java.util.List;

/** An accept that names enterprises or segments that do not exist (or a segment outside the chain): nothing is written. */
class UnknownReferences extends RuntimeException {

    private final List<String> enterprises;
    private final List<String> segments;

    UnknownReferences(List<String> enterprises, List<String> segments) {
        super("unknown enterprises " + enterprises + ", unknown segments " + segments);
        this.enterprises = List.copyOf(enterprises);
        this.segments = List.copyOf(segments);
    }

    List<String> enterprises() {
        return enterprises;
    }

    List<String> segments() {
        return segments;
    }
}
