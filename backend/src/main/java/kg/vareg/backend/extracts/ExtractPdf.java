package kg.vareg.backend.extracts;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lays out an extract as PDF (OpenPDF) with a QR code (ZXing) pointing at its verification page. Text in Kyrgyz and
 * Russian needs a Unicode font with Cyrillic (ң, ө, ү included): a TrueType font from the configured path (DejaVu
 * Sans on Debian); without one the caller falls back to English with the standard Helvetica.
 */
final class ExtractPdf {
    private static final Logger log = LoggerFactory.getLogger(ExtractPdf.class);

    private final BaseFont font;

    private ExtractPdf(BaseFont font) {
        this.font = font;
    }

    static ExtractPdf withFont(String fontPath) {
        try {
            if (fontPath != null && !fontPath.isBlank() && Files.isReadable(Path.of(fontPath))) {
                return new ExtractPdf(BaseFont.createFont(fontPath, BaseFont.IDENTITY_H, BaseFont.EMBEDDED));
            }
            log.warn("extract font {} not readable: extracts are produced in English with Helvetica", fontPath);
            return new ExtractPdf(BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED));
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("cannot load the extract font", e);
        }
    }

    boolean unicode() {
        return font.getEncoding().equals(BaseFont.IDENTITY_H);
    }

    byte[] render(String title, String issuedLine, Map<String, String> fields, String qrUrl, String qrText) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(title);
            doc.open();
            Paragraph h = new Paragraph(title, new Font(font, 15, Font.BOLD));
            h.setAlignment(Element.ALIGN_CENTER);
            h.setSpacingAfter(8);
            doc.add(h);
            doc.add(new Paragraph(issuedLine, new Font(font, 9)));
            PdfPTable table = new PdfPTable(new float[] {2, 3});
            table.setWidthPercentage(100);
            table.setSpacingBefore(12);
            Font label = new Font(font, 9, Font.BOLD);
            Font value = new Font(font, 9);
            fields.forEach((k, v) -> {
                table.addCell(new PdfPCell(new Phrase(k, label)));
                table.addCell(new PdfPCell(new Phrase(v == null ? "—" : v, value)));
            });
            doc.add(table);
            Image qr = Image.getInstance(qrPng(qrUrl), null);
            qr.scaleAbsolute(150, 150);
            qr.setSpacingBefore(16);
            doc.add(qr);
            doc.add(new Paragraph(qrText, new Font(font, 8)));
            doc.close();
        } catch (DocumentException | IOException | WriterException e) {
            throw new IllegalStateException("cannot lay out the extract", e);
        }
        return out.toByteArray();
    }

    static java.awt.image.BufferedImage qrImage(String url) throws WriterException {
        var matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 300, 300,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        return MatrixToImageWriter.toBufferedImage(matrix);
    }

    private static java.awt.Image qrPng(String url) throws WriterException {
        return qrImage(url);
    }
}
