package kg.vareg.backend.web;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PRStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;

/** Finds the QR code image inside an extract PDF and decodes it with ZXing, as a phone camera would. */
final class PdfQr {
    private PdfQr() {}

    static Optional<String> decode(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            for (int i = 0; i < reader.getXrefSize(); i++) {
                PdfObject o = reader.getPdfObject(i);
                if (!(o instanceof PRStream stream) || !PdfName.IMAGE.equals(stream.get(PdfName.SUBTYPE))) continue;
                BufferedImage img = toImage(stream, PdfReader.getStreamBytes(stream));
                try {
                    var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img)));
                    return Optional.of(new QRCodeReader().decode(bitmap).getText());
                } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
                    // not the QR image; keep looking
                }
            }
            return Optional.empty();
        } finally {
            reader.close();
        }
    }

    /** Raw (Flate-decoded) image samples → image: 1 or 8 bits per component, gray or RGB. */
    private static BufferedImage toImage(PdfDictionary d, byte[] data) {
        int w = ((PdfNumber) d.get(PdfName.WIDTH)).intValue();
        int h = ((PdfNumber) d.get(PdfName.HEIGHT)).intValue();
        int bpc = ((PdfNumber) d.get(PdfName.BITSPERCOMPONENT)).intValue();
        boolean rgb = PdfName.DEVICERGB.equals(d.get(PdfName.COLORSPACE));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int rowBytes = bpc == 1 ? (w + 7) / 8 : w * (rgb ? 3 : 1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgbValue;
                if (bpc == 1) {
                    int bit = (data[y * rowBytes + x / 8] >> (7 - x % 8)) & 1;
                    rgbValue = bit == 1 ? 0xFFFFFF : 0;
                } else if (rgb) {
                    int p = y * rowBytes + x * 3;
                    rgbValue = ((data[p] & 0xFF) << 16) | ((data[p + 1] & 0xFF) << 8) | (data[p + 2] & 0xFF);
                } else {
                    int g = data[y * rowBytes + x] & 0xFF;
                    rgbValue = (g << 16) | (g << 8) | g;
                }
                img.setRGB(x, y, rgbValue);
            }
        }
        return img;
    }
}
