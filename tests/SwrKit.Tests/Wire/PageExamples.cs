namespace SwrKit.Tests.Wire;

/// <summary>
/// The example response bodies published on the services' API pages, verbatim (spacing included): the same examples
/// <c>spec/swrkit.yaml</c> records, here as the exact text a server sends.
/// </summary>
internal static class PageExamples
{
    public const string CodeArtsOk = """{ "jid" : "09a56216-cb37-494c-b314-d88dc6c9ff57" }""";
    public const string CodeArts401 = """{ "error_code" : "DEV.00000003", "error_msg" : "Authentication information expired." }""";
    public const string CodeArts403 = """{ "error_code" : "CH.004403", "error_msg" : "Insufficient permissions. Apply for the required permission and try again." }""";
    public const string CodeArts404 = """{ "error_code" : "CH.004404", "error_msg" : "Repository Not Found" }""";

    public const string ModelArtsImage = """{ "arch" : "x86_64", "create_at" : 1671093486722, "description" : "", "dev_services" : [ "NOTEBOOK", "SSH" ], "id" : "c9ab2b2f-edda-4556-bdbb-494e868d043c", "name" : "mock-service-python", "namespace" : "mock-service1", "origin" : "CUSTOMIZE", "resource_categories" : [ "CPU" ], "service_type" : "UNKNOWN", "size" : 387840321, "status" : "DELETED", "swr_path" : "swr.xxx.com/mock-service1/mock-service-python:0.0.17", "tag" : "0.0.17", "type" : "DEDICATED", "update_at" : 1671093486722, "visibility" : "PRIVATE", "workspace_id" : "0" }""";

    public const string HssOk = """{ "error_code" : 0, "error_description" : "success" }""";
}
