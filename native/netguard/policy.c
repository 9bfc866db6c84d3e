/*
 * The policy file: a header line, then one rule a line, `allow|deny ADDRESS/PREFIX PORT`
 * (PORT 0: any port). Parsed strictly: any line out of form and the whole file is refused,
 * so a policy the host did not mean never applies. No rule matches: allowed.
 */
#include "netguard.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define POLICY_HEADER    "krun-netguard-policy 1"
#define POLICY_MAX_RULES 4096
#define POLICY_MAX_LINE  128

struct rule {
    bool allow;
    uint8_t family;
    uint8_t prefix;
    uint16_t port;
    uint8_t address[16];
};

struct policy {
    size_t count;
    struct rule rules[];
};

/* A decimal number from 0 to max with no sign, no leading zero and nothing after it. */
static bool parse_number(const char *text, unsigned long max, unsigned long *value)
{
    if (text[0] < '0' || text[0] > '9' || (text[0] == '0' && text[1] != '\0'))
        return false;
    char *end;
    errno = 0;
    *value = strtoul(text, &end, 10);
    return errno == 0 && *end == '\0' && *value <= max;
}

static bool parse_rule(char *line, struct rule *rule)
{
    char *verb = strtok(line, " ");
    char *network = strtok(NULL, " ");
    char *port = strtok(NULL, " ");
    if (!verb || !network || !port || strtok(NULL, " "))
        return false;
    if (strcmp(verb, "allow") == 0)
        rule->allow = true;
    else if (strcmp(verb, "deny") == 0)
        rule->allow = false;
    else
        return false;
    char *slash = strchr(network, '/');
    if (!slash)
        return false;
    *slash = '\0';
    unsigned long prefix, number;
    if (inet_pton(AF_INET, network, rule->address) == 1)
        rule->family = NG_INET;
    else if (inet_pton(AF_INET6, network, rule->address) == 1)
        rule->family = NG_INET6;
    else
        return false;
    if (!parse_number(slash + 1, rule->family == NG_INET ? 32 : 128, &prefix) ||
        !parse_number(port, 65535, &number))
        return false;
    rule->prefix = (uint8_t)prefix;
    rule->port = (uint16_t)number;
    return true;
}

/* One line without its newline; false at the end, or for a line too long or unterminated. */
static bool read_line(FILE *file, char *line, bool *bad)
{
    if (!fgets(line, POLICY_MAX_LINE, file))
        return false;
    size_t length = strlen(line);
    if (length == 0 || line[length - 1] != '\n') {
        *bad = true;
        return false;
    }
    line[length - 1] = '\0';
    return true;
}

struct policy *policy_load(const char *path)
{
    FILE *file = fopen(path, "re");
    if (!file)
        return NULL;
    struct policy *policy = calloc(1, sizeof *policy + POLICY_MAX_RULES * sizeof(struct rule));
    char line[POLICY_MAX_LINE];
    bool bad = false;
    if (!policy || !read_line(file, line, &bad) || strcmp(line, POLICY_HEADER) != 0)
        bad = true;
    while (!bad && read_line(file, line, &bad)) {
        if (policy->count == POLICY_MAX_RULES || !parse_rule(line, &policy->rules[policy->count]))
            bad = true;
        else
            policy->count++;
    }
    if (ferror(file))
        bad = true;
    fclose(file);
    if (bad) {
        free(policy);
        return NULL;
    }
    return policy;
}

static bool prefix_matches(const uint8_t *a, const uint8_t *b, unsigned bits)
{
    unsigned whole = bits / 8, rest = bits % 8;
    if (memcmp(a, b, whole) != 0)
        return false;
    if (rest == 0)
        return true;
    uint8_t mask = (uint8_t)(0xff << (8 - rest));
    return (a[whole] & mask) == (b[whole] & mask);
}

bool policy_allows(const struct policy *policy, const struct destination *to)
{
    for (size_t i = 0; i < policy->count; i++) {
        const struct rule *rule = &policy->rules[i];
        if (rule->family == to->family && (rule->port == 0 || rule->port == to->port) &&
            prefix_matches(rule->address, to->address, rule->prefix))
            return rule->allow;
    }
    return true;
}
