package dev.watchword.otp.imports;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * QR codes in an image (PNG, JPEG, GIF, or any format the JDK's ImageIO reads), several per image, as
 * screenshots of export screens and photos of them hold. The image's dimensions are read from its header and
 * checked against {@link ImportLimits#maxImagePixels()} before any pixel is decoded. ZXing then looks for codes
 * with TRY_HARDER, first with its hybrid (local threshold) binarizer, which suits photos with uneven light, then
 * with the global histogram binarizer, and finally for inverted (light on dark) codes. Codes are numbered in
 * reading order, top to bottom and left to right, and a code found twice is read once.
 */
final class QrImage {

  private QrImage() {
  }

  static ImportResult read(byte[] image, ImportLimits limits) {
    List<String> texts = decode(pixels(image, limits));
    EntryCollector collector = new EntryCollector(limits);
    UriEntries uris = new UriEntries(collector, limits);
    for (int i = 0; i < texts.size(); i++) {
      uris.add("QR code " + (i + 1), texts.get(i).strip());
    }
    uris.finish();
    return collector.result(ImportFormat.QR_IMAGE);
  }

  /** Decodes the image after checking its header's dimensions; metadata (text chunks, EXIF) is never read. */
  static BufferedImage pixels(byte[] image, ImportLimits limits) {
    ImageIO.setUseCache(false);
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
      Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
      if (readers == null || !readers.hasNext()) {
        throw Refused.unsupported("file", "the image format cannot be read; use PNG or JPEG");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw Refused.malformed("image header", "the image has no pixels");
        }
        if (width * height > limits.maxImagePixels()) {
          throw Refused.limit("image header", "the image is " + width + " x " + height
              + " pixels; at most " + limits.maxImagePixels() + " pixels are read");
        }
        BufferedImage decoded = reader.read(0);
        if (decoded == null) {
          throw Refused.malformed("image", "the image data cannot be decoded");
        }
        return decoded;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ImportFormatException refused) {
        throw refused;
      }
      // ImageIO signals truncated or corrupt data with IIOException and with assorted runtime exceptions.
      throw Refused.malformed("image", "the image data is truncated or corrupt", e);
    }
  }

  static List<String> decode(BufferedImage image) {
    LuminanceSource source = new GreyLuminanceSource(image);
    List<Function<LuminanceSource, BinaryBitmap>> attempts = List.of(
        s -> new BinaryBitmap(new HybridBinarizer(s)),
        s -> new BinaryBitmap(new GlobalHistogramBinarizer(s)),
        s -> new BinaryBitmap(new HybridBinarizer(s.invert())));
    for (Function<LuminanceSource, BinaryBitmap> attempt : attempts) {
      List<Result> results = find(attempt.apply(source));
      if (!results.isEmpty()) {
        return inReadingOrder(results);
      }
    }
    throw new ImportFormatException(ImportFormatException.Reason.NO_CODE_FOUND, "image",
        "no QR code could be read; use a sharper, uncropped picture with the whole code visible");
  }

  private static List<Result> find(BinaryBitmap bitmap) {
    Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    List<Result> found = new ArrayList<>();
    try {
      found.addAll(List.of(new QRCodeMultiReader().decodeMultiple(bitmap, hints)));
    } catch (NotFoundException | RuntimeException none) {
      // Try the generic reader below, which searches sub-images around each code it finds.
    }
    try {
      found.addAll(List.of(new GenericMultipleBarcodeReader(new QRCodeReader()).decodeMultiple(bitmap, hints)));
    } catch (ReaderException | RuntimeException none) {
      // Nothing found by this strategy.
    }
    return found;
  }

  /** One result per distinct text, ordered by the top-left-most finder pattern's row band, then column. */
  private static List<String> inReadingOrder(List<Result> results) {
    Map<String, Result> distinct = new LinkedHashMap<>();
    for (Result result : results) {
      distinct.putIfAbsent(result.getText(), result);
    }
    List<Result> ordered = new ArrayList<>(distinct.values());
    ordered.sort(Comparator.comparingDouble((Result r) -> Math.round(top(r) / 50.0)).thenComparingDouble(QrImage::left));
    List<String> texts = new ArrayList<>();
    for (Result result : ordered) {
      texts.add(result.getText());
    }
    return texts;
  }

  private static double top(Result result) {
    double min = Double.MAX_VALUE;
    for (ResultPoint point : points(result)) {
      min = Math.min(min, point.getY());
    }
    return min == Double.MAX_VALUE ? 0 : min;
  }

  private static double left(Result result) {
    double min = Double.MAX_VALUE;
    for (ResultPoint point : points(result)) {
      min = Math.min(min, point.getX());
    }
    return min == Double.MAX_VALUE ? 0 : min;
  }

  private static ResultPoint[] points(Result result) {
    ResultPoint[] points = result.getResultPoints();
    return points == null ? new ResultPoint[0] : points;
  }
}
