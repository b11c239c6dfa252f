
use builtin;
use str;

set edit:completion:arg-completer[dpbatch] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'dpbatch'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'dpbatch'= {
            cand --config 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist'
            cand --profile 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]'
            cand --api 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]'
            cand --token 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`'
            cand --endpoint 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts'
            cand --lang 'Language of the API''s messages [default: en]'
            cand --request-timeout 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]'
            cand --lookup-jobs 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]'
            cand --json 'Print results as JSON on stdout'
            cand -q 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand --quiet 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand -v 'Log each request and response status to stderr (token redacted)'
            cand --verbose 'Log each request and response status to stderr (token redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand domain-create 'Add domains (Batch.Domain.Create), optionally with @ and www A records'
            cand record-create 'Add records to domains by ID (Batch.Record.Create)'
            cand record-modify 'Change one field of records by ID (Batch.Record.Modify)'
            cand detail 'Show jobs'' items and their status once (Batch.Detail)'
            cand wait 'Poll jobs until no item is waiting or running, then show them'
            cand retry 'Re-submit only the failed items of a finished job'
            cand resume 'Send the parts of a split operation that were not sent when it stopped'
            cand undo 'Put back what a record-modify job changed, or delete what a record-create job added'
            cand export 'Write the records of domains as JSON Lines, CSV or BIND zone files (Record.List)'
            cand jobs 'List recently submitted jobs from the local job history'
            cand completions 'Print a shell completion script'
            cand man 'Print a man page (roff): dpbatch''s, or a command''s (`dpbatch man retry` = dpbatch-retry(1))'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dpbatch;domain-create'= {
            cand -f 'Read domains from a file, one per line (`-` = stdin; `#` comments and blank lines ignored)'
            cand --file 'Read domains from a file, one per line (`-` = stdin; `#` comments and blank lines ignored)'
            cand --value 'Also add `@` and `www` A records with this IPv4 address to each domain'
            cand --interval 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint'
            cand --timeout 'Give up waiting after this long (0 = never); the job goes on and exit code is 5'
            cand --job-size 'Records per job at most, counted as DNSPod counts them (at most and default 5000)'
            cand --max-jobs 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)'
            cand --config 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist'
            cand --profile 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]'
            cand --api 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]'
            cand --token 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`'
            cand --endpoint 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts'
            cand --lang 'Language of the API''s messages [default: en]'
            cand --request-timeout 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]'
            cand --lookup-jobs 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]'
            cand --wait 'After submitting, wait for the jobs like `dpbatch wait`'
            cand --dry-run 'Check the input and print the request that would be sent (token redacted); send nothing'
            cand --json 'Print results as JSON on stdout'
            cand -q 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand --quiet 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand -v 'Log each request and response status to stderr (token redacted)'
            cand --verbose 'Log each request and response status to stderr (token redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dpbatch;record-create'= {
            cand --domain-id 'Domain IDs to add the records to, comma-separated'
            cand --domain 'Domain names instead of IDs, comma-separated (Unicode or punycode); looked up first'
            cand --domain-file 'Domain names from a file, one per line (`-` = stdin; `#` comments ignored)'
            cand --sub 'Host names, comma-separated (`@` is the domain itself)'
            cand --type 'Record type: A, AAAA, CNAME, MX, TXT, NS, SRV, CAA, URL, FRAMEURL, SPF, HTTPS or SVCB'
            cand --value 'Record value (IPv4 for A, IPv6 for AAAA)'
            cand --line 'Resolution line'
            cand --ttl 'TTL in seconds, 1..=604800'
            cand --mx 'MX priority, 1..=20 (MX records only, and required for them)'
            cand --records-file 'Read the records from a file instead (`-` = stdin): a JSON array in the API''s `records` format, an `export` file (.jsonl, .csv; each row to the domain it names unless --domain or --domain-id is given) or a BIND zone file (.zone; to --domain or its $ORIGIN)'
            cand --interval 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint'
            cand --timeout 'Give up waiting after this long (0 = never); the job goes on and exit code is 5'
            cand --job-size 'Records per job at most, counted as DNSPod counts them (at most and default 5000)'
            cand --max-jobs 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)'
            cand --config 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist'
            cand --profile 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]'
            cand --api 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]'
            cand --token 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`'
            cand --endpoint 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts'
            cand --lang 'Language of the API''s messages [default: en]'
            cand --request-timeout 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]'
            cand --lookup-jobs 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]'
            cand --wait 'After submitting, wait for the jobs like `dpbatch wait`'
            cand --dry-run 'Check the input and print the request that would be sent (token redacted); send nothing'
            cand --json 'Print results as JSON on stdout'
            cand -q 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand --quiet 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand -v 'Log each request and response status to stderr (token redacted)'
            cand --verbose 'Log each request and response status to stderr (token redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dpbatch;record-modify'= {
            cand --record-id 'Record IDs to change, comma-separated'
            cand --domain 'Select records of these domains, comma-separated (with --sub and --type)'
            cand --domain-file 'Select records of the domains in this file, one per line (`-` = stdin)'
            cand --sub 'Select records with these host names, comma-separated (`@` is the apex)'
            cand --type 'Select records of this type'
            cand --line 'Select only records on this line'
            cand --value-is 'Select only records whose value is exactly this (find-and-replace: --value-is OLD --change value --to NEW)'
            cand --change 'The field to change'
            cand --to 'The new value of that field (status: enable or disable)'
            cand --value 'The records'' value under their new type (required with --change record_type)'
            cand --mx 'MX priority 1..=20 (required when --change record_type --to MX)'
            cand --interval 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint'
            cand --timeout 'Give up waiting after this long (0 = never); the job goes on and exit code is 5'
            cand --job-size 'Records per job at most, counted as DNSPod counts them (at most and default 5000)'
            cand --max-jobs 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)'
            cand --config 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist'
            cand --profile 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]'
            cand --api 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]'
            cand --token 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`'
            cand --endpoint 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts'
            cand --lang 'Language of the API''s messages [default: en]'
            cand --request-timeout 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]'
            cand --lookup-jobs 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]'
            cand --wait 'After submitting, wait for the jobs like `dpbatch wait`'
            cand --dry-run 'Check the input and print the request that would be sent (token redacted); send nothing'
            cand --json 'Print results as JSON on stdout'
            cand -q 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand --quiet 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand -v 'Log each request and response status to stderr (token redacted)'
            cand --verbose 'Log each request and response status to stderr (token redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dpbatch;detail'= {
            cand --config 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist'
            cand --profile 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]'
            cand --api 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]'
            cand --token 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`'
            cand --endpoint 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts'
            cand --lang 'Language of the API''s messages [default: en]'
            cand --request-timeout 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]'
            cand --lookup-jobs 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]'
            cand --last 'Every job of the operation submitted last with this endpoint and profile (see `dpbatch jobs`)'
            cand --json 'Print results as JSON on stdout'
            cand -q 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand --quiet 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand -v 'Log each request and response status to stderr (token redacted)'
            cand --verbose 'Log each request and response status to stderr (token redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dpbatch;wait'= {
            cand --interval 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint'
            cand --timeout 'Give up waiting after this long (0 = never); the job goes on and exit code is 5'
            cand --config 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist'
            cand --profile 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]'
            cand --api 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]'
            cand --token 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`'
            cand --endpoint 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts'
            cand --lang 'Language of the API''s messages [default: en]'
            cand --request-timeout 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]'
            cand --lookup-jobs 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]'
            cand --last 'Every job of the operation submitted last with this endpoint and profile (see `dpbatch jobs`)'
            cand --json 'Print results as JSON on stdout'
            cand -q 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand --quiet 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand -v 'Log each request and response status to stderr (token redacted)'
            cand --verbose 'Log each request and response status to stderr (token redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dpbatch;retry'= {
            cand --interval 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint'
            cand --timeout 'Give up waiting after this long (0 = never); the job goes on and exit code is 5'
            cand --job-size 'Records per job at most, counted as DNSPod counts them (at most and default 5000)'
            cand --max-jobs 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)'
            cand --config 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist'
            cand --profile 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]'
            cand --api 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]'
            cand --token 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`'
            cand --endpoint 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts'
            cand --lang 'Language of the API''s messages [default: en]'
            cand --request-timeout 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]'
            cand --lookup-jobs 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]'
            cand --last 'The job submitted last with this endpoint and profile (see `dpbatch jobs`)'
            cand --wait 'After submitting, wait for the jobs like `dpbatch wait`'
            cand --dry-run 'Check the input and print the request that would be sent (token redacted); send nothing'
            cand --json 'Print results as JSON on stdout'
            cand -q 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand --quiet 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand -v 'Log each request and response status to stderr (token redacted)'
            cand --verbose 'Log each request and response status to stderr (token redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dpbatch;resume'= {
            cand --interval 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint'
            cand --timeout 'Give up waiting after this long (0 = never); the job goes on and exit code is 5'
            cand --job-size 'Records per job at most, counted as DNSPod counts them (at most and default 5000)'
            cand --max-jobs 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)'
            cand --config 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist'
            cand --profile 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]'
            cand --api 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]'
            cand --token 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`'
            cand --endpoint 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts'
            cand --lang 'Language of the API''s messages [default: en]'
            cand --request-timeout 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]'
            cand --lookup-jobs 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]'
            cand --last 'The job submitted last with this endpoint and profile (see `dpbatch jobs`)'
            cand --wait 'After submitting, wait for the jobs like `dpbatch wait`'
            cand --dry-run 'Check the input and print the request that would be sent (token redacted); send nothing'
            cand --json 'Print results as JSON on stdout'
            cand -q 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand --quiet 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand -v 'Log each request and response status to stderr (token redacted)'
            cand --verbose 'Log each request and response status to stderr (token redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dpbatch;undo'= {
            cand --interval 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint'
            cand --timeout 'Give up waiting after this long (0 = never); the job goes on and exit code is 5'
            cand --job-size 'Records per job at most, counted as DNSPod counts them (at most and default 5000)'
            cand --max-jobs 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)'
            cand --config 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist'
            cand --profile 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]'
            cand --api 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]'
            cand --token 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`'
            cand --endpoint 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts'
            cand --lang 'Language of the API''s messages [default: en]'
            cand --request-timeout 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]'
            cand --lookup-jobs 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]'
            cand --last 'The job submitted last with this endpoint and profile (see `dpbatch jobs`)'
            cand --yes 'Delete the records a record-create job created (without it, undo lists them and stops)'
            cand --wait 'After submitting, wait for the jobs like `dpbatch wait`'
            cand --dry-run 'Check the input and print the request that would be sent (token redacted); send nothing'
            cand --json 'Print results as JSON on stdout'
            cand -q 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand --quiet 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand -v 'Log each request and response status to stderr (token redacted)'
            cand --verbose 'Log each request and response status to stderr (token redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dpbatch;export'= {
            cand --domain 'Domains to export, comma-separated (Unicode or punycode; may be repeated)'
            cand --domain-file 'Domains to export from a file, one per line (`-` = stdin; `#` comments ignored)'
            cand --format 'jsonl (one JSON object a record), csv (a header row, RFC 4180) or zone (BIND zone files, needs --out DIR)'
            cand --out 'Write to this file instead of stdout; with --format zone, the directory for one `<domain>.zone` each (created if missing)'
            cand --config 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist'
            cand --profile 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]'
            cand --api 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]'
            cand --token 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`'
            cand --endpoint 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts'
            cand --lang 'Language of the API''s messages [default: en]'
            cand --request-timeout 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]'
            cand --lookup-jobs 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]'
            cand --all 'Export every domain of the account (Domain.List, paged)'
            cand --json 'Print results as JSON on stdout'
            cand -q 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand --quiet 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand -v 'Log each request and response status to stderr (token redacted)'
            cand --verbose 'Log each request and response status to stderr (token redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dpbatch;jobs'= {
            cand --limit 'How many of the most recent jobs to list'
            cand --config 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist'
            cand --profile 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]'
            cand --api 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]'
            cand --token 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`'
            cand --endpoint 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts'
            cand --lang 'Language of the API''s messages [default: en]'
            cand --request-timeout 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]'
            cand --lookup-jobs 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]'
            cand --json 'Print results as JSON on stdout'
            cand -q 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand --quiet 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand -v 'Log each request and response status to stderr (token redacted)'
            cand --verbose 'Log each request and response status to stderr (token redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dpbatch;completions'= {
            cand --config 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist'
            cand --profile 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]'
            cand --api 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]'
            cand --token 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`'
            cand --endpoint 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts'
            cand --lang 'Language of the API''s messages [default: en]'
            cand --request-timeout 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]'
            cand --lookup-jobs 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]'
            cand --json 'Print results as JSON on stdout'
            cand -q 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand --quiet 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand -v 'Log each request and response status to stderr (token redacted)'
            cand --verbose 'Log each request and response status to stderr (token redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dpbatch;man'= {
            cand --config 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist'
            cand --profile 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]'
            cand --api 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]'
            cand --token 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`'
            cand --endpoint 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts'
            cand --lang 'Language of the API''s messages [default: en]'
            cand --request-timeout 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]'
            cand --lookup-jobs 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]'
            cand --json 'Print results as JSON on stdout'
            cand -q 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand --quiet 'Print no hints and no progress bar (errors and warnings still go to stderr)'
            cand -v 'Log each request and response status to stderr (token redacted)'
            cand --verbose 'Log each request and response status to stderr (token redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dpbatch;help'= {
            cand domain-create 'Add domains (Batch.Domain.Create), optionally with @ and www A records'
            cand record-create 'Add records to domains by ID (Batch.Record.Create)'
            cand record-modify 'Change one field of records by ID (Batch.Record.Modify)'
            cand detail 'Show jobs'' items and their status once (Batch.Detail)'
            cand wait 'Poll jobs until no item is waiting or running, then show them'
            cand retry 'Re-submit only the failed items of a finished job'
            cand resume 'Send the parts of a split operation that were not sent when it stopped'
            cand undo 'Put back what a record-modify job changed, or delete what a record-create job added'
            cand export 'Write the records of domains as JSON Lines, CSV or BIND zone files (Record.List)'
            cand jobs 'List recently submitted jobs from the local job history'
            cand completions 'Print a shell completion script'
            cand man 'Print a man page (roff): dpbatch''s, or a command''s (`dpbatch man retry` = dpbatch-retry(1))'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dpbatch;help;domain-create'= {
        }
        &'dpbatch;help;record-create'= {
        }
        &'dpbatch;help;record-modify'= {
        }
        &'dpbatch;help;detail'= {
        }
        &'dpbatch;help;wait'= {
        }
        &'dpbatch;help;retry'= {
        }
        &'dpbatch;help;resume'= {
        }
        &'dpbatch;help;undo'= {
        }
        &'dpbatch;help;export'= {
        }
        &'dpbatch;help;jobs'= {
        }
        &'dpbatch;help;completions'= {
        }
        &'dpbatch;help;man'= {
        }
        &'dpbatch;help;help'= {
        }
    ]
    $completions[$command]
}
