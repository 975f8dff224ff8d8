package com.chainatlas.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.chainatlas.ingest.table.RawRow;
import com.chainatlas.ingest.table.TableFileException;
import com.chainatlas.ingest.table.TableReader;

import org.junit.jupiter.api.Test;

/** The read-ahead thread must not change what the validator sees: every row in order, then the read's error. */
class ReadAheadTest {

    @Test
    void rowsArriveInFileOrderAcrossBatches() {
        List<Integer> seen = new ArrayList<>();
        ReadAhead.read(rows(2_503, -1), "t", r -> seen.add(r.rowNumber()));
        assertThat(seen).hasSize(2_503);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(i + 1);
        }
    }

    @Test
    void aReadErrorComesAfterTheRowsReadBeforeIt() {
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> ReadAhead.read(rows(5_000, 1_500), "t", r -> seen.add(r.rowNumber())))
                .isInstanceOf(TableFileException.class).hasMessageContaining("broken");
        assertThat(seen).hasSize(1_500).last().isEqualTo(1_500);
    }

    @Test
    void aFailingCallerStopsTheReader() throws InterruptedException {
        assertThatThrownBy(() -> ReadAhead.read(rows(1_000_000, -1), "stop", r -> {
            if (r.rowNumber() == 10) {
                throw new IllegalStateException("caller failed");
            }
        })).hasMessage("caller failed");
        Thread.sleep(500);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("bulk-read-stop");
    }

    /** {@code n} rows numbered from 1; with {@code failAfter} ≥ 0, a read error after that many rows. */
    private static TableReader rows(int n, int failAfter) {
        return new TableReader() {
            @Override
            public void read(Consumer<RawRow> rows) {
                for (int i = 1; i <= n; i++) {
                    if (i - 1 == failAfter) {
                        throw new TableFileException("broken", "broken");
                    }
                    rows.accept(new RawRow(i, List.of("v" + i), null));
                }
            }

            @Override
            public String description() {
                return "test";
            }
        };
    }
}
