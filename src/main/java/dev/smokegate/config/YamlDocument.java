package dev.smokegate.config;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One YAML document as plain maps, lists and scalars, read more strictly than SnakeYAML does by default, because
 * this file decides deploys:
 * <ul>
 *   <li>a key written twice in one mapping is an error naming both lines; SnakeYAML would keep the last one and
 *       only log a line (a second {@code backend:} once pointed a run at another host);</li>
 *   <li>no scalar becomes a timestamp: YAML 1.1 reads {@code 2026-14-45} leniently as 2027-03-17, so dates stay
 *       the text the user wrote and their reader parses them strictly.</li>
 * </ul>
 * Every other YAML 1.1 type (booleans, numbers, null) is read as before.
 */
final class YamlDocument {

    private YamlDocument() {
    }

    /**
     * The document in {@code reader}, null when it is empty. Syntax errors surface as SnakeYAML's exceptions, which
     * carry the position; duplicate keys as one problem each, prefixed with {@code label:line:column}.
     */
    static Object parse(Reader reader, String label) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        Node document = new Composer(new ParserImpl(new StreamReader(reader), options), new NoTimestamps(), options)
                .getSingleNode();
        if (document == null) {
            return null;
        }
        List<String> duplicates = new ArrayList<>();
        findDuplicateKeys(document, "", Collections.newSetFromMap(new IdentityHashMap<>()), label, duplicates);
        if (!duplicates.isEmpty()) {
            throw new ConfigException(duplicates);
        }
        return new PlainConstructor(options).construct(document);
    }

    /** In document order; an anchored node is walked once, where it is defined. */
    private static void findDuplicateKeys(Node node, String path, Set<Node> walked, String label,
                                          List<String> duplicates) {
        if (!walked.add(node)) {
            return;
        }
        if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                findDuplicateKeys(items.get(i), path + "[" + i + "]", walked, label, duplicates);
            }
        } else if (node instanceof MappingNode mapping) {
            Map<String, Mark> firstAt = new HashMap<>();
            for (NodeTuple entry : mapping.getValue()) {
                if (!(entry.getKeyNode() instanceof ScalarNode keyNode)) {
                    continue;
                }
                String key = path.isEmpty() ? keyNode.getValue() : path + "." + keyNode.getValue();
                Mark at = keyNode.getStartMark();
                Mark first = firstAt.putIfAbsent(keyNode.getValue(), at);
                if (first != null) {
                    duplicates.add(label + ":" + (at.getLine() + 1) + ":" + (at.getColumn() + 1) + ": duplicate key \""
                            + key + "\" (first at line " + (first.getLine() + 1) + ")");
                }
                findDuplicateKeys(entry.getValueNode(), key, walked, label, duplicates);
            }
        }
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
            // Keys that only become equal once resolved (yes and true) get past the walk above: refuse them too,
            // rather than log a line and keep the last.
            setAllowDuplicateKeys(false);
        }

        Object construct(Node document) {
            return constructDocument(document);
        }
    }
}
