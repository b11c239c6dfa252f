# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_dpbatch_global_optspecs
    string join \n config= profile= api= token= endpoint= lang= json q/quiet v/verbose request-timeout= lookup-jobs= h/help V/version
end

function __fish_dpbatch_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_dpbatch_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_dpbatch_using_subcommand
    set -l cmd (__fish_dpbatch_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c dpbatch -n "__fish_dpbatch_needs_command" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_needs_command" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_needs_command" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_needs_command" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_needs_command" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_needs_command" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_needs_command" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_needs_command" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_needs_command" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -s h -l help -d 'Print help'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -s V -l version -d 'Print version'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "domain-create" -d 'Add domains (Batch.Domain.Create), optionally with @ and www A records'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "record-create" -d 'Add records to domains given by name or ID, or from a records file (Batch.Record.Create)'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "record-modify" -d 'Change one field of records selected by name or given by ID (Batch.Record.Modify)'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "record-delete" -d 'Delete records selected by name or ID, listed first, only with --yes'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "detail" -d 'Show jobs\' items and their status once (Batch.Detail)'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "wait" -d 'Poll jobs until no item is waiting or running, then show them'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "retry" -d 'Re-submit only the failed items of a finished job'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "resume" -d 'Send the parts of a split operation that were not sent when it stopped'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "undo" -d 'Put back what a record-modify job changed, delete what a record-create job added, create what a record-delete deleted, or put back what an apply did'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "export" -d 'Write the records of domains as JSON Lines, CSV or BIND zone files (Record.List)'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "plan" -d 'Show the changes that would make the account\'s records match files of desired records'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "apply" -d 'Make the account\'s records match files of desired records (or a saved plan), as one operation'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "jobs" -d 'List recently submitted jobs from the local job history'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "man" -d 'Print a man page (roff): dpbatch\'s, or a command\'s (`dpbatch man retry` = dpbatch-retry(1))'
complete -c dpbatch -n "__fish_dpbatch_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -s f -l file -d 'Read domains from a file, one per line (`-` = stdin; `#` comments and blank lines ignored)' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l value -d 'Also add `@` and `www` A records with this IPv4 address to each domain' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l interval -d 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l timeout -d 'Give up waiting after this long (0 = never); the job goes on and exit code is 5' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l job-size -d 'Records per job at most, counted as DNSPod counts them (at most and default 5000)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l max-jobs -d 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l wait -d 'After submitting, wait for the jobs like `dpbatch wait`'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l dry-run -d 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand domain-create" -s h -l help -d 'Print help'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l domain-id -d 'Domain IDs to add the records to, comma-separated' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l domain -d 'Domain names instead of IDs, comma-separated (Unicode or punycode); looked up first' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l domain-file -d 'Domain names from a file, one per line (`-` = stdin; `#` comments ignored)' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l sub -d 'Host names, comma-separated (`@` is the domain itself)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l type -d 'Record type: A, AAAA, CNAME, MX, TXT, NS, SRV, CAA, URL, FRAMEURL, SPF, HTTPS or SVCB' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l value -d 'Record value (IPv4 for A, IPv6 for AAAA)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l line -d 'Resolution line' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l ttl -d 'TTL in seconds, 1..=604800' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l mx -d 'MX priority, 1..=20 (MX records only, and required for them)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l records-file -d 'Read the records from a file instead (`-` = stdin): a JSON array in the API\'s `records` format, an `export` file (.jsonl, .csv; each row to the domain it names unless --domain or --domain-id is given) or a BIND zone file (.zone; to --domain or its $ORIGIN)' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l interval -d 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l timeout -d 'Give up waiting after this long (0 = never); the job goes on and exit code is 5' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l job-size -d 'Records per job at most, counted as DNSPod counts them (at most and default 5000)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l max-jobs -d 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l wait -d 'After submitting, wait for the jobs like `dpbatch wait`'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l dry-run -d 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-create" -s h -l help -d 'Print help'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l record-id -d 'Record IDs to change, comma-separated' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l domain -d 'Select records of these domains, comma-separated (with --sub and --type)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l domain-file -d 'Select records of the domains in this file, one per line (`-` = stdin)' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l sub -d 'Select records with these host names, comma-separated (`@` is the apex)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l type -d 'Select records of this type' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l line -d 'Select only records on this line' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l value-is -d 'Select only records whose value is this, as DNS reads it (find-and-replace: --value-is OLD --change value --to NEW)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l change -d 'The field to change' -r -f -a "sub_domain\t''
record_type\t''
area\t''
value\t''
mx\t''
ttl\t''
status\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l to -d 'The new value of that field (status: enable or disable)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l value -d 'The records\' value under their new type (required with --change record_type)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l mx -d 'MX priority 1..=20 (required when --change record_type --to MX)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l interval -d 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l timeout -d 'Give up waiting after this long (0 = never); the job goes on and exit code is 5' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l job-size -d 'Records per job at most, counted as DNSPod counts them (at most and default 5000)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l max-jobs -d 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l all -d 'Select records of every domain of the account (with --sub and --type)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l wait -d 'After submitting, wait for the jobs like `dpbatch wait`'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l dry-run -d 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-modify" -s h -l help -d 'Print help'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l record-id -d 'Record IDs to delete, comma-separated (found in the account\'s domains first)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l domain -d 'Select records of these domains, comma-separated (with --sub and --type)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l domain-file -d 'Select records of the domains in this file, one per line (`-` = stdin)' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l sub -d 'Select records with these host names, comma-separated (`@` is the apex)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l type -d 'Select records of this type' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l line -d 'Select only records on this line' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l value-is -d 'Select only records whose value is this, as DNS reads it (find-and-replace: --value-is OLD --change value --to NEW)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l max-delete -d 'Refuse to delete more than this share (percent) of the records of a domain that has 10 or more' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l interval -d 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l timeout -d 'Give up waiting after this long (0 = never); the job goes on and exit code is 5' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l job-size -d 'Records per job at most, counted as DNSPod counts them (at most and default 5000)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l max-jobs -d 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l all -d 'Select records of every domain of the account (with --sub and --type)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l yes -d 'Delete the records listed; without it they are listed on stderr and nothing is sent'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l force -d 'Delete past --max-delete'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l wait -d 'After submitting, wait for the jobs like `dpbatch wait`'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l dry-run -d 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand record-delete" -s h -l help -d 'Print help'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand detail" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand detail" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand detail" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand detail" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand detail" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand detail" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand detail" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand detail" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand detail" -l last -d 'Every job of the operation submitted last with this endpoint and profile (see `dpbatch jobs`)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand detail" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand detail" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand detail" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand detail" -s h -l help -d 'Print help'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand wait" -l interval -d 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand wait" -l timeout -d 'Give up waiting after this long (0 = never); the job goes on and exit code is 5' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand wait" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand wait" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand wait" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand wait" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand wait" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand wait" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand wait" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand wait" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand wait" -l last -d 'Every job of the operation submitted last with this endpoint and profile (see `dpbatch jobs`)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand wait" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand wait" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand wait" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand wait" -s h -l help -d 'Print help'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l interval -d 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l timeout -d 'Give up waiting after this long (0 = never); the job goes on and exit code is 5' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l job-size -d 'Records per job at most, counted as DNSPod counts them (at most and default 5000)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l max-jobs -d 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l last -d 'The job submitted last with this endpoint and profile (see `dpbatch jobs`)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l wait -d 'After submitting, wait for the jobs like `dpbatch wait`'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l dry-run -d 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand retry" -s h -l help -d 'Print help'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l interval -d 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l timeout -d 'Give up waiting after this long (0 = never); the job goes on and exit code is 5' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l job-size -d 'Records per job at most, counted as DNSPod counts them (at most and default 5000)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l max-jobs -d 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l last -d 'The job submitted last with this endpoint and profile (see `dpbatch jobs`)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l wait -d 'After submitting, wait for the jobs like `dpbatch wait`'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l dry-run -d 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand resume" -s h -l help -d 'Print help'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l interval -d 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l timeout -d 'Give up waiting after this long (0 = never); the job goes on and exit code is 5' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l job-size -d 'Records per job at most, counted as DNSPod counts them (at most and default 5000)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l max-jobs -d 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l last -d 'The job submitted last with this endpoint and profile (see `dpbatch jobs`)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l yes -d 'Needed by an undo that deletes records: those a record-create job or an apply created (without it, undo lists them and stops)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l wait -d 'After submitting, wait for the jobs like `dpbatch wait`'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l dry-run -d 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand undo" -s h -l help -d 'Print help'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -l domain -d 'Domains to export, comma-separated (Unicode or punycode; may be repeated)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -l domain-file -d 'Domains to export from a file, one per line (`-` = stdin; `#` comments ignored)' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -l format -d 'jsonl (one JSON object a record), csv (a header row, RFC 4180) or zone (BIND zone files, needs --out DIR)' -r -f -a "jsonl\t'One JSON object a line'
csv\t'A header row, then one row a record (RFC 4180)'
zone\t'BIND zone files, one per domain under --out DIR'"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -l out -d 'Write to this file instead of stdout; with --format zone, the directory for one `<domain>.zone` each (created if missing)' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -l all -d 'Export every domain of the account (Domain.List, paged)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -l domain -d 'Only these of the files\' domains, comma-separated (may be repeated); a name in no file is an error' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -l ignore -d 'Leave records of HOST or HOST:TYPE alone on both sides, `*` a wildcard (`_acme-challenge*:TXT`; may be repeated; adds to config key `ignore`)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -l out -d 'Also save the plan to this file (JSON, mode 0600) for `apply --plan FILE`' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -l exit-code -d 'Exit 6 when the plan has changes (0 when none), for drift checks in CI'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand plan" -s h -l help -d 'Print help'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l domain -d 'Only these of the files\' domains, comma-separated (may be repeated); a name in no file is an error' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l ignore -d 'Leave records of HOST or HOST:TYPE alone on both sides, `*` a wildcard (`_acme-challenge*:TXT`; may be repeated; adds to config key `ignore`)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l max-modify -d 'Refuse a domain of 10 or more records whose plan modifies more than PCT% of them [config: max_modify] [default: 30]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l max-delete -d 'Refuse a domain of 10 or more records whose plan deletes more than PCT% of them (with --delete) [config: max_delete] [default: 30]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l plan -d 'Apply exactly this plan (`plan --out FILE`), refused when its domains changed since; no PATH, --domain or --ignore with it' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l interval -d 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l timeout -d 'Give up waiting after this long (0 = never); the job goes on and exit code is 5' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l job-size -d 'Records per job at most, counted as DNSPod counts them (at most and default 5000)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l max-jobs -d 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l delete -d 'Also delete the records the files do not hold (without it they are left, and counted in a note)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l force -d 'Apply a plan even where it modifies or deletes more of a domain than --max-modify or --max-delete allow'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l wait -d 'After submitting, wait for the jobs like `dpbatch wait`'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l dry-run -d 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand apply" -s h -l help -d 'Print help'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -l limit -d 'How many of the most recent jobs to list' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -l prune -d 'Remove the operations (of every account) whose newest job is older than this (30d, 12h) from the history, and list them; one resume may still need is kept and named' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -l all-accounts -d 'List the jobs of every API, endpoint, profile and credential, not only those of this one (which --last picks from)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -l force -d 'With --prune: remove the operations resume may still need too'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -l dry-run -d 'With --prune: list what would be removed, remove nothing'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand jobs" -s h -l help -d 'Print help'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand completions" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand completions" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand completions" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand completions" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand completions" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand completions" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand completions" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand completions" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand completions" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand completions" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand completions" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand completions" -s h -l help -d 'Print help'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand man" -l out -d 'Write every page (dpbatch.1 and each dpbatch-COMMAND.1) into DIR, made if missing, and print their paths' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand man" -l config -d 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist' -r -F
complete -c dpbatch -n "__fish_dpbatch_using_subcommand man" -l profile -d 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand man" -l api -d 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]' -r -f -a "legacy\t''
v3\t''
auto\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand man" -l token -d 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand man" -l endpoint -d 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand man" -l lang -d 'Language of dpbatch\'s messages and the API\'s [env: DPBATCH_LANG] [default: the system locale\'s, else en]' -r -f -a "en\t''
cn\t''"
complete -c dpbatch -n "__fish_dpbatch_using_subcommand man" -l request-timeout -d 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand man" -l lookup-jobs -d 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]' -r
complete -c dpbatch -n "__fish_dpbatch_using_subcommand man" -l json -d 'Print results as JSON on stdout'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand man" -s q -l quiet -d 'Print no hints and no progress bar (errors and warnings still go to stderr)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand man" -s v -l verbose -d 'Log each request and response status to stderr (token redacted)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand man" -s h -l help -d 'Print help'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "domain-create" -d 'Add domains (Batch.Domain.Create), optionally with @ and www A records'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "record-create" -d 'Add records to domains given by name or ID, or from a records file (Batch.Record.Create)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "record-modify" -d 'Change one field of records selected by name or given by ID (Batch.Record.Modify)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "record-delete" -d 'Delete records selected by name or ID, listed first, only with --yes'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "detail" -d 'Show jobs\' items and their status once (Batch.Detail)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "wait" -d 'Poll jobs until no item is waiting or running, then show them'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "retry" -d 'Re-submit only the failed items of a finished job'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "resume" -d 'Send the parts of a split operation that were not sent when it stopped'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "undo" -d 'Put back what a record-modify job changed, delete what a record-create job added, create what a record-delete deleted, or put back what an apply did'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "export" -d 'Write the records of domains as JSON Lines, CSV or BIND zone files (Record.List)'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "plan" -d 'Show the changes that would make the account\'s records match files of desired records'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "apply" -d 'Make the account\'s records match files of desired records (or a saved plan), as one operation'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "jobs" -d 'List recently submitted jobs from the local job history'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "man" -d 'Print a man page (roff): dpbatch\'s, or a command\'s (`dpbatch man retry` = dpbatch-retry(1))'
complete -c dpbatch -n "__fish_dpbatch_using_subcommand help; and not __fish_seen_subcommand_from domain-create record-create record-modify record-delete detail wait retry resume undo export plan apply jobs completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
