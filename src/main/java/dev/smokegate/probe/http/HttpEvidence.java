package dev.smokegate.probe.http;

import dev.smokegate.model.Evidence;
import java.util.List;

/** An HTTP observation that can show what went over the wire, to be attached to a verdict about it. */
public interface HttpEvidence {

    /** The recorded requests and responses, in the order they were made. */
    List<Evidence> evidence();
}
