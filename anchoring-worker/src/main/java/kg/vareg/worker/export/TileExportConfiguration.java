package kg.vareg.worker.export;

import java.io.IOException;
import java.nio.file.Path;
import kg.vareg.common.logstore.LogQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * With {@code vareg.tiles.export.directory} set, the worker keeps that directory a static copy of the log in
 * the tlog-tiles layout (docs/proof-api.md "Static export"): every {@code vareg.tiles.export.interval}. It only
 * reads the log schema and writes files, so it runs on every worker instance, leader or not (writes are
 * atomic and idempotent; a run whose latest checkpoint is not newer than the exported one writes nothing).
 */
@Configuration
@ConditionalOnProperty("vareg.tiles.export.directory")
class TileExportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TileExportConfiguration.class);

    private final TileExporter exporter;
    private final DirectoryTileSink sink;

    TileExportConfiguration(JdbcTemplate jdbc, @Value("${vareg.tiles.export.directory}") Path directory) {
        this.exporter = new TileExporter(TileSource.of(new LogQueries(jdbc)));
        this.sink = new DirectoryTileSink(directory);
    }

    @Scheduled(fixedDelayString = "${vareg.tiles.export.interval:PT10S}", initialDelayString = "PT2S")
    void export() {
        try {
            TileExporter.Result r = exporter.export(sink);
            if (r.tilesWritten() > 0) {
                log.info("tiles exported: size {} -> {}, {} files", r.fromSize(), r.toSize(), r.tilesWritten());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("tile export failed (retried next interval): {}", e.toString());
        }
    }
}
