package io.catalyst.core.tenancy;

import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Companies' logos. An upload (PNG, JPEG or GIF) is decoded, fitted into {@value #MAX_WIDTH}×{@value #MAX_HEIGHT}
 * pixels and drawn again as a PNG, so what is stored and served is always a plain picture Catalyst made itself:
 * whatever else the file carried (metadata, trailing bytes, a script pretending to be an image) is gone. Logos are
 * public, like a company's name on its sign-in page: anyone with the company's id can fetch it at {@link #path}.
 */
@ApplicationScoped
public class Logos {

    /** The largest upload read. */
    public static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_SIDE = 4_000;
    static final int MIN_SIDE = 16;
    static final int MAX_WIDTH = 512;
    static final int MAX_HEIGHT = 128;
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif");

    @Inject
    Scopes scopes;

    @Inject
    AuditLog audit;

    /** A stored logo: the PNG and its version, for caches. */
    public record Logo(byte[] png, String version) {
    }

    /** Where a company's logo is served; null when it has none. The version makes a changed logo a new address. */
    public static String path(UUID tenantId, String version) {
        return version == null ? null : "/branding/logo/" + tenantId + "?v=" + version;
    }

    /** The logo's full address for a mail, from the server's public address; null when the company has none. */
    public static String address(String publicUrl, Tenant tenant) {
        String path = path(tenant.id(), tenant.logoSha());
        return path == null || publicUrl == null ? null : publicUrl.replaceAll("/+$", "") + path;
    }

    /** Stores a company's logo in place of the old one; audited. */
    public Tenant save(UUID actorId, String actor, UUID tenantId, byte[] upload) {
        byte[] png = normalise(upload);
        String version = sha(png);
        return change(actorId, actor, tenantId, "tenancy.logo.changed", png, version);
    }

    /** Removes a company's logo; audited. */
    public Tenant remove(UUID actorId, String actor, UUID tenantId) {
        return change(actorId, actor, tenantId, "tenancy.logo.removed", null, null);
    }

    private Tenant change(UUID actorId, String actor, UUID tenantId, String action, byte[] png, String version) {
        String[] before = new String[1];
        Tenant tenant = scopes.tenant(tenantId, em -> {
            Tenant found = em.find(Tenant.class, tenantId);
            if (found == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "There is no such tenant.");
            }
            before[0] = found.logoSha();
            Scopes.sql(em, "update tenant set logo_png = ?2, logo_sha = ?3, updated_at = now() where id = ?1")
                    .setParameter(1, tenantId).setParameter(2, png).setParameter(3, version).executeUpdate();
            em.refresh(found);
            return found;
        });
        audit.record(new AuditEntry(tenantId, actorId, actor, action, "tenant", tenantId.toString(),
                before[0] == null ? null : Map.of("logo", before[0]),
                version == null ? null : Map.of("logo", version, "bytes", png.length)));
        return tenant;
    }

    /** A company's logo, if it has one. */
    public Optional<Logo> read(UUID tenantId) {
        return scopes.tenant(tenantId, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select logo_png, logo_sha from tenant where id = ?1"
                    + " and logo_png is not null").setParameter(1, tenantId).getResultList();
            return rows.stream().findFirst().map(row -> new Logo((byte[]) row[0], (String) row[1]));
        });
    }

    /**
     * The upload as a PNG that fits the logo's box, or a 400 that says what is wrong. The image's size is read from
     * its header before any pixel, so a small file that claims to be huge is refused without being decoded.
     */
    static byte[] normalise(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw invalid("Choose a PNG, JPEG or GIF image.");
        }
        if (upload.length > MAX_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "A logo is at most 1 MiB.");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw invalid("This is not a PNG, JPEG or GIF image.");
            }
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    throw invalid("A logo is a PNG, JPEG or GIF image, not " + reader.getFormatName() + ".");
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < MIN_SIDE || height < MIN_SIDE || width > MAX_SIDE || height > MAX_SIDE) {
                    throw invalid("A logo is between " + MIN_SIDE + " and " + MAX_SIDE + " pixels on each side; this"
                            + " one is " + width + "×" + height + ".");
                }
                return redraw(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw invalid("The image could not be read; save it again as PNG and upload that.");
        }
    }

    private static byte[] redraw(BufferedImage source) throws IOException {
        double scale = Math.min(1.0, Math.min((double) MAX_WIDTH / source.getWidth(),
                (double) MAX_HEIGHT / source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage drawn = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = drawn.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(drawn, "png", out);
        return out.toByteArray();
    }

    private static String sha(byte[] png) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid(String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, message,
                List.of(new Problem.FieldError("logo", message)), null);
    }
}
