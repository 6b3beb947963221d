package kg.vareg.worker.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Tiles as files under a directory any static web server or CDN can serve: each file is written to a temporary
 * name beside it ({@code .<name>.tmp}), fsynced, then renamed over the final name (atomic on POSIX file
 * systems), and the directory is fsynced. A crash mid-write leaves at most a temporary file, never a torn tile
 * under a served name. Temporary names start with a dot, which static servers do not serve by default
 * (docs/proof-api.md shows the nginx rule).
 */
final class DirectoryTileSink implements TileSink {

    /** Test hook: runs after a temporary file is complete and before it is renamed. */
    interface BeforeRename {
        void run(Path temp, Path target) throws IOException;
    }

    private final Path root;
    private final BeforeRename beforeRename;

    DirectoryTileSink(Path root) {
        this(root, (t, p) -> { });
    }

    DirectoryTileSink(Path root, BeforeRename beforeRename) {
        this.root = root.toAbsolutePath().normalize();
        this.beforeRename = beforeRename;
    }

    @Override
    public boolean exists(String path) {
        return Files.isRegularFile(resolve(path));
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(resolve(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String path, byte[] body, boolean immutable) throws IOException {
        Path target = resolve(path);
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(body);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        beforeRename.run(temp, target);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    private Path resolve(String path) {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root) || path.contains("..")) {
            throw new IllegalArgumentException("path escapes the export directory: " + path);
        }
        return p;
    }
}
