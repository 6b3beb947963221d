package kg.vareg.worker.export;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kg.vareg.common.logstore.LogQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * With {@code vareg.tiles.export.directory} and/or {@code vareg.tiles.export.s3.bucket} set, the worker keeps a
 * static copy of the log in the tlog-tiles layout there (docs/proof-api.md "Static export"), every
 * {@code vareg.tiles.export.interval}. It only reads the log schema and writes files/objects, so it runs on every
 * worker instance, leader or not (writes are atomic and idempotent; a run whose latest checkpoint is not newer
 * than the exported one writes nothing). S3 credentials come from the AWS default chain (environment, profile,
 * instance role), never from this repository.
 */
@Configuration
@ConditionalOnExpression("'${vareg.tiles.export.directory:}' != '' or '${vareg.tiles.export.s3.bucket:}' != ''")
class TileExportConfiguration implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TileExportConfiguration.class);

    private final TileExporter exporter;
    private final List<TileSink> sinks = new ArrayList<>();
    private S3Client s3;

    TileExportConfiguration(JdbcTemplate jdbc,
            @Value("${vareg.tiles.export.directory:}") String directory,
            @Value("${vareg.tiles.export.s3.bucket:}") String bucket,
            @Value("${vareg.tiles.export.s3.prefix:}") String prefix,
            @Value("${vareg.tiles.export.s3.endpoint:}") String endpoint,
            @Value("${vareg.tiles.export.s3.region:us-east-1}") String region) {
        this.exporter = new TileExporter(TileSource.of(new LogQueries(jdbc)));
        if (!directory.isBlank()) {
            sinks.add(new DirectoryTileSink(Path.of(directory)));
        }
        if (!bucket.isBlank()) {
            S3ClientBuilder b = S3Client.builder().region(Region.of(region));
            if (!endpoint.isBlank()) {
                b.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
            }
            s3 = b.build();
            sinks.add(new S3TileSink(s3, bucket, prefix));
        }
    }

    @Scheduled(fixedDelayString = "${vareg.tiles.export.interval:PT10S}", initialDelayString = "PT2S")
    void export() {
        for (TileSink sink : sinks) {
            try {
                TileExporter.Result r = exporter.export(sink);
                if (r.tilesWritten() > 0) {
                    log.info("tiles exported to {}: size {} -> {}, {} files", sink.getClass().getSimpleName(),
                            r.fromSize(), r.toSize(), r.tilesWritten());
                }
            } catch (IOException | RuntimeException e) {
                log.warn("tile export to {} failed (retried next interval): {}", sink.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }

    @Override
    public void destroy() {
        if (s3 != null) {
            s3.close();
        }
    }
}
