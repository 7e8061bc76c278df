/* Round trip: fuzzed CSV -> graphs -> GraphML, which must be well-formed and valid against the
 * GraphML schema (libxml2 in-process, the same checks as xmllint --schema). */
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "writer.h"

static xmlSchemaPtr schema;

static void load_schema(void)
{
	const char *path = getenv("GRAPHML_XSD");
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path ? path : "../shared/schema/graphml/graphml.xsd");
	schema = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	if (!schema) abort();
}

static void check(const char *xml, size_t len)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)len, "fuzz.graphml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc) abort(); /* not well-formed */
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
	xmlSchemaSetValidErrors(vc, NULL, NULL, NULL);
	if (xmlSchemaValidateDoc(vc, doc) != 0) abort();
	xmlSchemaFreeValidCtxt(vc);
	xmlFreeDoc(doc);
}

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!schema) {
		xmlSetGenericErrorFunc(NULL, quiet);
		load_schema();
	}
	struct dataset ds;
	if (fuzz_load(data, size, &ds) == 0) {
		struct kgraph credits, collab;
		fuzz_graphs(&ds, &credits, &collab, 1);
		size_t len;
		char *xml = fuzz_write(write_graphml, &credits, &ds, &len);
		check(xml, len);
		free(xml);
		xml = fuzz_write(write_graphml, &collab, &ds, &len);
		check(xml, len);
		free(xml);
		graph_free(&credits);
		graph_free(&collab);
	}
	dataset_free(&ds);
	return 0;
}
