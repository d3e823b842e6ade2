package org.sunlight.risk.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.lowagie.text.pdf.BaseFont;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The font the register's PDF is set in. PDF's standard fonts have no Chinese, so a CJK font must
 * be embedded: the configured {@code sunlight.risk.pdf-font} (a .ttf, .otf or .ttc), else the
 * first of Debian's usual CJK fonts found. From a collection (.ttc) the Simplified Chinese face.
 */
@Component
class CjkFont {

	/** Debian's fonts-noto-cjk first, then older or lighter packages. */
	static final List<String> DEBIAN_DEFAULTS = List.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
			"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
			"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

	private final List<String> candidates;
	private volatile BaseFont font;

	CjkFont(@Value("${sunlight.risk.pdf-font:}") String configured) {
		this.candidates = configured == null || configured.isBlank() ? DEBIAN_DEFAULTS : List.of(configured.trim());
	}

	/** The font, loaded once; empty when none of the candidates exists or loads. */
	Optional<BaseFont> font() {
		BaseFont loaded = font;
		if (loaded != null) {
			return Optional.of(loaded);
		}
		for (String candidate : candidates) {
			Path path = Path.of(candidate);
			if (!Files.isReadable(path)) {
				continue;
			}
			try {
				loaded = BaseFont.createFont(face(candidate), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
				font = loaded;
				return Optional.of(loaded);
			}
			catch (IOException | RuntimeException ex) {
				// not a font OpenPDF can embed: try the next one
			}
		}
		return Optional.empty();
	}

	/** Where Sunlight looks, for the answer that none was found. */
	List<String> candidates() {
		return candidates;
	}

	/** A collection names its face by index: the Simplified Chinese one, or the first. */
	private static String face(String path) throws IOException {
		if (!path.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
			return path;
		}
		String[] names = BaseFont.enumerateTTCNames(path);
		for (int i = 0; i < names.length; i++) {
			String name = names[i].toLowerCase(Locale.ROOT);
			if (name.contains("sc") && !name.contains("mono")) {
				return path + "," + i;
			}
		}
		return path + ",0";
	}

}
