package io.timetocompute.api.web;

/** A site, block, task, pool, shipment or event that does not exist; answered with a 404 problem. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String kind, String id) {
        super("no " + kind + " '" + id + "'");
    }
}
