package io.timetocompute.scheduler.interchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import net.sf.mpxj.MPXJException;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.primavera.PrimaveraXERFileReader;
import net.sf.mpxj.reader.UniversalProjectReader;

/**
 * Reads a schedule file with MPXJ into its projects, whole or not at all: P6 XER (several projects, cross-project
 * links on request), P6 PMXML, MS Project MSPDI and MPP, and whatever else MPXJ recognizes.
 */
final class ScheduleReader {

    /** Larger files are refused before parsing: no real schedule comes close. */
    static final long MAX_BYTES = 100L * 1024 * 1024;

    private ScheduleReader() {
    }

    /** The projects of a file. */
    record Read(List<ProjectFile> projects) {
    }

    static Read read(Path file, boolean crossProjectLinks) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ImportException(file + ": " + size / (1024 * 1024) + " MB is larger than the "
                        + MAX_BYTES / (1024 * 1024) + " MB limit");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImportException("schedule file not found: " + file);
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage());
        }
        return read(bytes, file.getFileName().toString(), crossProjectLinks);
    }

    static Read read(byte[] bytes, String name, boolean crossProjectLinks) {
        if (bytes.length == 0) {
            throw new ImportException(name + " is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ImportException(name + " is larger than the " + MAX_BYTES / (1024 * 1024) + " MB limit");
        }
        try {
            if (isXer(bytes)) {
                return readXer(bytes, name, crossProjectLinks);
            }
            List<ProjectFile> projects = new UniversalProjectReader().readAll(new ByteArrayInputStream(bytes));
            if (projects == null || projects.isEmpty() || projects.get(0) == null) {
                throw new ImportException(name + " is not a schedule file MPXJ recognizes (expected P6 XER or "
                        + "PMXML, MS Project MSPDI XML or MPP)");
            }
            return new Read(projects);
        } catch (MPXJException | RuntimeException e) {
            if (e instanceof ImportException importException) {
                throw importException;
            }
            throw new ImportException(name + " cannot be read, it may be damaged or truncated: " + messageOf(e));
        }
    }

    private static Read readXer(byte[] bytes, String name, boolean crossProjectLinks) throws MPXJException {
        // An XER file ends with its %E line; without it tables are missing (a truncated copy) and would import
        // as a schedule silently lacking relationships or assignments.
        String text = new String(bytes, bytes.length > 4096 ? bytes.length - 4096 : 0,
                Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1).strip();
        String lastLine = text.substring(text.lastIndexOf('\n') + 1).strip();
        if (!lastLine.startsWith("%E")) {
            throw new ImportException(name + " is a truncated XER file: it does not end with the %E line");
        }
        // One parse: readAll gives every project (listing them first would parse the file twice).
        PrimaveraXERFileReader all = new PrimaveraXERFileReader();
        all.setLinkCrossProjectRelations(crossProjectLinks);
        List<ProjectFile> projects = all.readAll(new ByteArrayInputStream(bytes));
        if (projects.isEmpty()) {
            throw new ImportException(name + " is an XER file without projects");
        }
        return new Read(projects);
    }

    private static boolean isXer(byte[] bytes) {
        return bytes.length >= 6 && new String(bytes, 0, 6, StandardCharsets.ISO_8859_1).equals("ERMHDR");
    }

    private static String messageOf(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
