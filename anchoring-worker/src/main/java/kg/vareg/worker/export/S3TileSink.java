package kg.vareg.worker.export;

import java.io.IOException;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Tiles as objects of an S3-compatible bucket (AWS S3, MinIO, Ceph, ...) under a key prefix, each with the
 * Content-Type and Cache-Control a CDN in front of the bucket passes on. A PUT makes an object visible whole
 * or not at all, so a crash mid-upload never leaves a torn tile; the exporter writes the checkpoint last.
 */
final class S3TileSink implements TileSink {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String PARTIAL = "public, max-age=60";
    static final String CHECKPOINT = "public, max-age=5";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3TileSink(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public boolean exists(String path) throws IOException {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(prefix + path).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("S3 HEAD " + prefix + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        try {
            return Optional.of(s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(prefix + path).build())
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("S3 GET " + prefix + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String path, byte[] body, boolean immutable) throws IOException {
        boolean checkpoint = path.equals("checkpoint");
        try {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(prefix + path)
                    .contentType(checkpoint ? "text/plain; charset=utf-8" : "application/octet-stream")
                    .cacheControl(checkpoint ? CHECKPOINT : immutable ? IMMUTABLE : PARTIAL).build(),
                    RequestBody.fromBytes(body));
        } catch (S3Exception e) {
            throw new IOException("S3 PUT " + prefix + path + ": " + e.getMessage(), e);
        }
    }
}
