/* The parser's own limit, for scripts/bench: parse each Markdown file named on the command line
 * with libcmark-gfm (tables, task lists, strikethrough, as callprep does) and walk its tree, in
 * one process on one core. Prints the number of files and nodes. Build:
 *   cc -O2 -o cmark-limit scripts/cmark-limit.c $(pkg-config --cflags --libs libcmark-gfm libcmark-gfm-extensions)
 * or with -lcmark-gfm -lcmark-gfm-extensions. Paths may also come on standard input, one per line ("-"). */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long walk(const char *path, const char *extensions[]) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); return -1; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *text = malloc(size + 1);
    size_t got = fread(text, 1, size, file);
    fclose(file);
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (int i = 0; extensions[i]; i++) {
        cmark_syntax_extension *extension = cmark_find_syntax_extension(extensions[i]);
        if (extension) cmark_parser_attach_syntax_extension(parser, extension);
    }
    cmark_parser_feed(parser, text, got);
    cmark_node *document = cmark_parser_finish(parser);
    long nodes = 0;
    cmark_iter *iter = cmark_iter_new(document);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        if (event == CMARK_EVENT_ENTER) {
            cmark_node *node = cmark_iter_get_node(iter);
            /* What a reader of the tree touches: its type, position and text. */
            nodes += cmark_node_get_start_line(node) > 0;
            const char *literal = cmark_node_get_literal(node);
            if (literal) nodes += literal[0] == 0;
        }
    }
    cmark_iter_free(iter);
    cmark_node_free(document);
    cmark_parser_free(parser);
    free(text);
    return nodes;
}

int main(int argc, char **argv) {
    cmark_gfm_core_extensions_ensure_registered();
    const char *extensions[] = {"table", "tasklist", "strikethrough", NULL};
    long files = 0, nodes = 0;
    if (argc == 2 && strcmp(argv[1], "-") == 0) {
        char line[4096];
        while (fgets(line, sizeof line, stdin)) {
            line[strcspn(line, "\n")] = 0;
            if (!line[0]) continue;
            long counted = walk(line, extensions);
            if (counted < 0) return 1;
            nodes += counted;
            files++;
        }
    } else {
        for (int i = 1; i < argc; i++) {
            long counted = walk(argv[i], extensions);
            if (counted < 0) return 1;
            nodes += counted;
            files++;
        }
    }
    printf("%ld files, %ld nodes\n", files, nodes);
    return 0;
}
