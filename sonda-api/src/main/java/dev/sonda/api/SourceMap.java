package dev.sonda.api;

/**
 * Where the parts of a plan were written: maps a problem path such as {@code
 * scenarios[2].after.ref} to its {@link Location}. The YAML loader attaches one to every plan it
 * reads ({@link ScenarioPlan#origin()}), so problems the engine finds later (an unknown sink type,
 * a wrong {@code after.ref}) are reported with file, line and column like the loader's own.
 */
public interface SourceMap {

    /**
     * The name of the scenario text, such as its file path.
     *
     * @return the source name
     */
    String sourceName();

    /**
     * The location of {@code path}: the value at that path when it was written, else the value it
     * inherits (a {@code defaults:} key), else its closest written ancestor.
     *
     * @param path a problem path, such as {@code scenarios[2].sink.type}; empty for the file
     * @return the location, never null (the start of the text when nothing closer is known)
     */
    Location locate(String path);
}
