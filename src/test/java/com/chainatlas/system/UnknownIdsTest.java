package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An unknown chain, region or list answers 404 with a problem detail on every endpoint that takes one. */
@ChainAtlasIntegrationTest
class UnknownIdsTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ' ', value = {
            "GET /api/chains/NOPE",
            "GET /api/chains/NOPE/products",
            "GET /api/segments/NOPE",
            "GET /api/technologies?chain=NOPE",
            "GET /api/regions/999999",
            "GET /api/regions?parent=999999",
            "GET /api/enterprises?chain=NOPE",
            "GET /api/enterprises?region=999999",
            "GET /api/enterprises/distribution?chain=NOPE",
            "GET /api/enterprises/zones?region=999999",
            "GET /api/products/makers?chain=NOPE",
            "GET /api/institutions?chain=NOPE",
            "GET /api/institutions?region=999999",
            "GET /api/pairing?chain=NOPE&region=340100",
            "GET /api/pairing?chain=NEV&region=999999",
            "GET /api/diagnosis?chain=NOPE&region=340100",
            "GET /api/diagnosis?chain=NEV&region=999999",
            "GET /api/diagnosis/segments/NOPE?region=340100",
            "GET /api/diagnosis/peers?chain=NOPE&region=340100",
            "GET /api/diagnosis/ranking?chain=NOPE&segment=NOPE",
            "POST /api/snapshots/NOPE/refresh",
            "GET /api/targets?chain=NOPE&region=340100",
            "GET /api/targets?chain=NEV&region=999999",
            "GET /api/targets/export.csv?chain=NOPE&region=340100",
            "GET /api/target-lists/NOPE",
            "GET /api/target-lists/NOPE/audit",
            "GET /api/target-lists/NOPE/export.xlsx",
            "POST /api/target-lists/NOPE/refresh",
            "DELETE /api/target-lists/NOPE",
            "GET /api/export/enterprises.csv?chain=NOPE",
            "GET /api/export/enterprises.xlsx?region=999999",
            "GET /api/reports/diagnosis.docx?chain=NOPE&region=340100",
            "GET /api/reports/diagnosis.docx?chain=NEV&region=999999",
            "GET /api/import/templates/enterprises.xlsx?chain=NOPE",
            "GET /api/import/jobs/NOPE",
            "GET /api/assignment/batches/NOPE",
            "POST /api/assignment/suggestions?chain=NOPE",
    })
    void unknownIdIs404(String method, String path) {
        Api.Response r = new Api(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
        assertThat(r.status()).as(r.text()).isEqualTo(404);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("detail").asString()).containsPattern("\\p{IsHan}");
    }
}
