package io.timetocompute.api.web;

/** A site, block, task, pool, shipment or event that does not exist; answered with a 404 problem. */
public class ResourceNotFoundException extends RuntimeException {

    /** Ids come from clients: a long one is cut in the answer rather than echoed whole. */
    private static final int ECHOED = 80;

    public ResourceNotFoundException(String kind, String id) {
        super("no " + kind + " '" + (id != null && id.length() > ECHOED ? id.substring(0, ECHOED) + "..." : id)
                + "'");
    }
}
