package com.chainatlas.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.chainatlas.chain.ChainModel;
import com.chainatlas.chain.Stage;
import com.chainatlas.innovation.Institution;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads the hand-written demo chains and institutions from the classpath. */
final class DemoCatalog {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private DemoCatalog() {
    }

    static List<DemoChainFile> chains() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:demo/chains/*.json");
            return Arrays.stream(files).sorted(Comparator.comparing(Resource::getFilename)).map(r -> {
                try (InputStream in = r.getInputStream()) {
                    return JSON.readValue(in, DemoChainFile.class);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Institution> institutions() {
        try (InputStream in = new PathMatchingResourcePatternResolver().getResource("classpath:demo/institutions.json").getInputStream()) {
            List<DemoChainFile.InstitutionRow> rows = JSON.readValue(in, new TypeReference<>() { });
            return rows.stream().map(r -> new Institution(r.id(), r.name(), r.type(), r.level(), r.regionCode(),
                    r.strength(), r.technologies(), r.segments(), true)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChainModel.Chain chain(DemoChainFile f) {
        return new ChainModel.Chain(f.id(), f.name() , f.description(), f.industryCodes() == null ? List.of() : f.industryCodes(), true);
    }

    static List<ChainModel.Segment> segments(DemoChainFile f) {
        return f.segments().stream().map(s -> new ChainModel.Segment(s.id(), f.id(), s.name(), Stage.valueOf(s.stage()),
                s.key(), s.valueAdded(), s.parent(), s.description())).toList();
    }

    static List<ChainModel.Flow> flows(DemoChainFile f) {
        return f.flows().stream().map(x -> new ChainModel.Flow(x.from(), x.to(), x.recycling())).toList();
    }

    static List<ChainModel.Product> products(DemoChainFile f) {
        return f.products().stream().map(p -> new ChainModel.Product(p.id(), f.id(), p.name(), p.segment(), p.inputs())).toList();
    }

    static List<ChainModel.Technology> technologies(DemoChainFile f) {
        return f.technologies().stream().map(t -> new ChainModel.Technology(t.id(), f.id(), t.name(), t.description(), t.segments())).toList();
    }
}
