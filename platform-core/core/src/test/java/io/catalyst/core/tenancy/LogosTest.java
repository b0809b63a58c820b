package io.catalyst.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LogosTest {

    @Test
    void aLargeJpegIsRedrawnAsAPngThatFitsTheBox() throws IOException {
        byte[] png = Logos.normalise(image(2_000, 1_000, "jpeg"));

        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(stored.getWidth()).isEqualTo(256);
        assertThat(stored.getHeight()).isEqualTo(Logos.MAX_HEIGHT);
    }

    @Test
    void aSmallLogoKeepsItsSizeAndBytesAfterTheImageAreDropped() throws IOException {
        byte[] upload = image(96, 96, "png");
        byte[] withScript = ByteBuffer.allocate(upload.length + 40).put(upload)
                .put("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)).array();

        byte[] png = Logos.normalise(withScript);

        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(96);
        assertThat(new String(png, StandardCharsets.ISO_8859_1)).doesNotContain("script");
    }

    @Test
    void whatIsNotALogoIsRefusedWithWords() throws IOException {
        assertRefused(new byte[0], "Choose a PNG, JPEG or GIF image");
        assertRefused("<svg onload=alert(1)></svg>".getBytes(StandardCharsets.UTF_8), "not a PNG, JPEG or GIF");
        assertRefused(image(64, 64, "bmp"), "not bmp");
        assertRefused(image(8, 8, "png"), "between 16 and 4000 pixels");
        assertRefused(pngClaiming(100_000, 100_000), "this one is 100000×100000");
        byte[] truncated = java.util.Arrays.copyOf(image(200, 200, "png"), 80);
        assertRefused(truncated, "could not be read");
        assertThatThrownBy(() -> Logos.normalise(new byte[Logos.MAX_BYTES + 1])).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE));
    }

    @Test
    void theAddressCarriesTheVersion() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        assertThat(Logos.path(id, "abc")).isEqualTo("/branding/logo/00000000-0000-0000-0000-000000000001?v=abc");
        assertThat(Logos.path(id, null)).isNull();
    }

    private static void assertRefused(byte[] upload, String words) {
        assertThatThrownBy(() -> Logos.normalise(upload)).isInstanceOf(ProblemException.class)
                .hasMessageContaining(words)
                .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo(ProblemType.VALIDATION_FAILED));
    }

    private static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2e7d32));
        g.fillRect(0, 0, width, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    // a PNG signature and a header naming a huge size, with no pixels: a decompression bomb's first bytes
    private static byte[] pngClaiming(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(header.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})
                .putInt(13).put(header.array()).putInt((int) crc.getValue()).array();
    }
}
