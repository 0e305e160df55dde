package dev.smokegate.config;

import java.io.Reader;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One YAML document as plain maps, lists and scalars, read more strictly than SnakeYAML does by default, because
 * this file decides deploys: no scalar becomes a timestamp. YAML 1.1 reads {@code 2026-14-45} leniently as
 * 2027-03-17, so dates stay the text the user wrote and their reader parses them strictly. Every other YAML 1.1
 * type (booleans, numbers, null) is read as before.
 */
final class YamlDocument {

    private YamlDocument() {
    }

    /**
     * The document in {@code reader}, null when it is empty. Syntax errors surface as SnakeYAML's exceptions, which
     * carry the position.
     */
    static Object parse(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        Node document = new Composer(new ParserImpl(new StreamReader(reader), options), new NoTimestamps(), options)
                .getSingleNode();
        if (document == null) {
            return null;
        }
        return new PlainConstructor(options).construct(document);
    }

    /** YAML 1.1's implicit types except timestamps. */
    private static final class NoTimestamps extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }

    /** Builds plain Java values from an already composed node. */
    private static final class PlainConstructor extends SafeConstructor {
        PlainConstructor(LoaderOptions options) {
            super(options);
        }

        Object construct(Node document) {
            return constructDocument(document);
        }
    }
}
