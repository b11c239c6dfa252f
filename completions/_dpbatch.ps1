
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'dpbatch' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'dpbatch'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'dpbatch' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('domain-create', 'domain-create', [CompletionResultType]::ParameterValue, 'Add domains (Batch.Domain.Create), optionally with @ and www A records')
            [CompletionResult]::new('record-create', 'record-create', [CompletionResultType]::ParameterValue, 'Add records to domains given by name or ID, or from a records file (Batch.Record.Create)')
            [CompletionResult]::new('record-modify', 'record-modify', [CompletionResultType]::ParameterValue, 'Change one field of records selected by name or given by ID (Batch.Record.Modify)')
            [CompletionResult]::new('record-delete', 'record-delete', [CompletionResultType]::ParameterValue, 'Delete records selected by name or ID, listed first, only with --yes')
            [CompletionResult]::new('detail', 'detail', [CompletionResultType]::ParameterValue, 'Show jobs'' items and their status once (Batch.Detail)')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Poll jobs until no item is waiting or running, then show them')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Re-submit only the failed items of a finished job')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Send the parts of a split operation that were not sent when it stopped')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Put back what a record-modify job changed, delete what a record-create job added, create what a record-delete deleted, or put back what an apply did')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the records of domains as JSON Lines, CSV or BIND zone files (Record.List)')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show the changes that would make the account''s records match files of desired records')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the account''s records match files of desired records (or a saved plan), as one operation')
            [CompletionResult]::new('jobs', 'jobs', [CompletionResultType]::ParameterValue, 'List recently submitted jobs from the local job history')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff): dpbatch''s, or a command''s (`dpbatch man retry` = dpbatch-retry(1))')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dpbatch;domain-create' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read domains from a file, one per line (`-` = stdin; `#` comments and blank lines ignored)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read domains from a file, one per line (`-` = stdin; `#` comments and blank lines ignored)')
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'Also add `@` and `www` A records with this IPv4 address to each domain')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (0 = never); the job goes on and exit code is 5')
            [CompletionResult]::new('--job-size', '--job-size', [CompletionResultType]::ParameterName, 'Records per job at most, counted as DNSPod counts them (at most and default 5000)')
            [CompletionResult]::new('--max-jobs', '--max-jobs', [CompletionResultType]::ParameterName, 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'After submitting, wait for the jobs like `dpbatch wait`')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dpbatch;record-create' {
            [CompletionResult]::new('--domain-id', '--domain-id', [CompletionResultType]::ParameterName, 'Domain IDs to add the records to, comma-separated')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Domain names instead of IDs, comma-separated (Unicode or punycode); looked up first')
            [CompletionResult]::new('--domain-file', '--domain-file', [CompletionResultType]::ParameterName, 'Domain names from a file, one per line (`-` = stdin; `#` comments ignored)')
            [CompletionResult]::new('--sub', '--sub', [CompletionResultType]::ParameterName, 'Host names, comma-separated (`@` is the domain itself)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Record type: A, AAAA, CNAME, MX, TXT, NS, SRV, CAA, URL, FRAMEURL, SPF, HTTPS or SVCB')
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'Record value (IPv4 for A, IPv6 for AAAA)')
            [CompletionResult]::new('--line', '--line', [CompletionResultType]::ParameterName, 'Resolution line')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'TTL in seconds, 1..=604800')
            [CompletionResult]::new('--mx', '--mx', [CompletionResultType]::ParameterName, 'MX priority, 1..=20 (MX records only, and required for them)')
            [CompletionResult]::new('--records-file', '--records-file', [CompletionResultType]::ParameterName, 'Read the records from a file instead (`-` = stdin): a JSON array in the API''s `records` format, an `export` file (.jsonl, .csv; each row to the domain it names unless --domain or --domain-id is given) or a BIND zone file (.zone; to --domain or its $ORIGIN)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (0 = never); the job goes on and exit code is 5')
            [CompletionResult]::new('--job-size', '--job-size', [CompletionResultType]::ParameterName, 'Records per job at most, counted as DNSPod counts them (at most and default 5000)')
            [CompletionResult]::new('--max-jobs', '--max-jobs', [CompletionResultType]::ParameterName, 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'After submitting, wait for the jobs like `dpbatch wait`')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dpbatch;record-modify' {
            [CompletionResult]::new('--record-id', '--record-id', [CompletionResultType]::ParameterName, 'Record IDs to change, comma-separated')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Select records of these domains, comma-separated (with --sub and --type)')
            [CompletionResult]::new('--domain-file', '--domain-file', [CompletionResultType]::ParameterName, 'Select records of the domains in this file, one per line (`-` = stdin)')
            [CompletionResult]::new('--sub', '--sub', [CompletionResultType]::ParameterName, 'Select records with these host names, comma-separated (`@` is the apex)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Select records of this type')
            [CompletionResult]::new('--line', '--line', [CompletionResultType]::ParameterName, 'Select only records on this line')
            [CompletionResult]::new('--value-is', '--value-is', [CompletionResultType]::ParameterName, 'Select only records whose value is this, as DNS reads it (find-and-replace: --value-is OLD --change value --to NEW)')
            [CompletionResult]::new('--change', '--change', [CompletionResultType]::ParameterName, 'The field to change')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The new value of that field (status: enable or disable)')
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'The records'' value under their new type (required with --change record_type)')
            [CompletionResult]::new('--mx', '--mx', [CompletionResultType]::ParameterName, 'MX priority 1..=20 (required when --change record_type --to MX)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (0 = never); the job goes on and exit code is 5')
            [CompletionResult]::new('--job-size', '--job-size', [CompletionResultType]::ParameterName, 'Records per job at most, counted as DNSPod counts them (at most and default 5000)')
            [CompletionResult]::new('--max-jobs', '--max-jobs', [CompletionResultType]::ParameterName, 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Select records of every domain of the account (with --sub and --type)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'After submitting, wait for the jobs like `dpbatch wait`')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dpbatch;record-delete' {
            [CompletionResult]::new('--record-id', '--record-id', [CompletionResultType]::ParameterName, 'Record IDs to delete, comma-separated (found in the account''s domains first)')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Select records of these domains, comma-separated (with --sub and --type)')
            [CompletionResult]::new('--domain-file', '--domain-file', [CompletionResultType]::ParameterName, 'Select records of the domains in this file, one per line (`-` = stdin)')
            [CompletionResult]::new('--sub', '--sub', [CompletionResultType]::ParameterName, 'Select records with these host names, comma-separated (`@` is the apex)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Select records of this type')
            [CompletionResult]::new('--line', '--line', [CompletionResultType]::ParameterName, 'Select only records on this line')
            [CompletionResult]::new('--value-is', '--value-is', [CompletionResultType]::ParameterName, 'Select only records whose value is this, as DNS reads it (find-and-replace: --value-is OLD --change value --to NEW)')
            [CompletionResult]::new('--max-delete', '--max-delete', [CompletionResultType]::ParameterName, 'Refuse to delete more than this share (percent) of the records of a domain that has 10 or more')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (0 = never); the job goes on and exit code is 5')
            [CompletionResult]::new('--job-size', '--job-size', [CompletionResultType]::ParameterName, 'Records per job at most, counted as DNSPod counts them (at most and default 5000)')
            [CompletionResult]::new('--max-jobs', '--max-jobs', [CompletionResultType]::ParameterName, 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Select records of every domain of the account (with --sub and --type)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete the records listed; without it they are listed on stderr and nothing is sent')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Delete past --max-delete')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'After submitting, wait for the jobs like `dpbatch wait`')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dpbatch;detail' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Every job of the operation submitted last with this endpoint and profile (see `dpbatch jobs`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dpbatch;wait' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (0 = never); the job goes on and exit code is 5')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Every job of the operation submitted last with this endpoint and profile (see `dpbatch jobs`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dpbatch;retry' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (0 = never); the job goes on and exit code is 5')
            [CompletionResult]::new('--job-size', '--job-size', [CompletionResultType]::ParameterName, 'Records per job at most, counted as DNSPod counts them (at most and default 5000)')
            [CompletionResult]::new('--max-jobs', '--max-jobs', [CompletionResultType]::ParameterName, 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'The job submitted last with this endpoint and profile (see `dpbatch jobs`)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'After submitting, wait for the jobs like `dpbatch wait`')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dpbatch;resume' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (0 = never); the job goes on and exit code is 5')
            [CompletionResult]::new('--job-size', '--job-size', [CompletionResultType]::ParameterName, 'Records per job at most, counted as DNSPod counts them (at most and default 5000)')
            [CompletionResult]::new('--max-jobs', '--max-jobs', [CompletionResultType]::ParameterName, 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'The job submitted last with this endpoint and profile (see `dpbatch jobs`)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'After submitting, wait for the jobs like `dpbatch wait`')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dpbatch;undo' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (0 = never); the job goes on and exit code is 5')
            [CompletionResult]::new('--job-size', '--job-size', [CompletionResultType]::ParameterName, 'Records per job at most, counted as DNSPod counts them (at most and default 5000)')
            [CompletionResult]::new('--max-jobs', '--max-jobs', [CompletionResultType]::ParameterName, 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'The job submitted last with this endpoint and profile (see `dpbatch jobs`)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Needed by an undo that deletes records: those a record-create job or an apply created (without it, undo lists them and stops)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'After submitting, wait for the jobs like `dpbatch wait`')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dpbatch;export' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Domains to export, comma-separated (Unicode or punycode; may be repeated)')
            [CompletionResult]::new('--domain-file', '--domain-file', [CompletionResultType]::ParameterName, 'Domains to export from a file, one per line (`-` = stdin; `#` comments ignored)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'jsonl (one JSON object a record), csv (a header row, RFC 4180) or zone (BIND zone files, needs --out DIR)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout; with --format zone, the directory for one `<domain>.zone` each (created if missing)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Export every domain of the account (Domain.List, paged)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dpbatch;plan' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Only these of the files'' domains, comma-separated (may be repeated); a name in no file is an error')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Leave records of HOST or HOST:TYPE alone on both sides, `*` a wildcard (`_acme-challenge*:TXT`; may be repeated; adds to config key `ignore`)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Also save the plan to this file (JSON, mode 0600) for `apply --plan FILE`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 6 when the plan has changes (0 when none), for drift checks in CI')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dpbatch;apply' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Only these of the files'' domains, comma-separated (may be repeated); a name in no file is an error')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Leave records of HOST or HOST:TYPE alone on both sides, `*` a wildcard (`_acme-challenge*:TXT`; may be repeated; adds to config key `ignore`)')
            [CompletionResult]::new('--max-modify', '--max-modify', [CompletionResultType]::ParameterName, 'Refuse a domain of 10 or more records whose plan modifies more than PCT% of them [config: max_modify] [default: 30]')
            [CompletionResult]::new('--max-delete', '--max-delete', [CompletionResultType]::ParameterName, 'Refuse a domain of 10 or more records whose plan deletes more than PCT% of them (with --delete) [config: max_delete] [default: 30]')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Apply exactly this plan (`plan --out FILE`), refused when its domains changed since; no PATH, --domain or --ignore with it')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (0 = never); the job goes on and exit code is 5')
            [CompletionResult]::new('--job-size', '--job-size', [CompletionResultType]::ParameterName, 'Records per job at most, counted as DNSPod counts them (at most and default 5000)')
            [CompletionResult]::new('--max-jobs', '--max-jobs', [CompletionResultType]::ParameterName, 'Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Also delete the records the files do not hold (without it they are left, and counted in a note)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Apply a plan even where it modifies or deletes more of a domain than --max-modify or --max-delete allow')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'After submitting, wait for the jobs like `dpbatch wait`')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dpbatch;jobs' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many of the most recent jobs to list')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Remove the operations (of every account) whose newest job is older than this (30d, 12h) from the history, and list them; one resume may still need is kept and named')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--all-accounts', '--all-accounts', [CompletionResultType]::ParameterName, 'List the jobs of every API, endpoint, profile and credential, not only those of this one (which --last picks from)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With --prune: remove the operations resume may still need too')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With --prune: list what would be removed, remove nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dpbatch;completions' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dpbatch;man' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write every page (dpbatch.1 and each dpbatch-COMMAND.1) into DIR, made if missing, and print their paths')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of dpbatch''s messages and the API''s [env: DPBATCH_LANG] [default: the system locale''s, else en]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--lookup-jobs', '--lookup-jobs', [CompletionResultType]::ParameterName, 'Look up this many domains at once (names, selections), 1 to 32 [default: 8]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no hints and no progress bar (errors and warnings still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request and response status to stderr (token redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dpbatch;help' {
            [CompletionResult]::new('domain-create', 'domain-create', [CompletionResultType]::ParameterValue, 'Add domains (Batch.Domain.Create), optionally with @ and www A records')
            [CompletionResult]::new('record-create', 'record-create', [CompletionResultType]::ParameterValue, 'Add records to domains given by name or ID, or from a records file (Batch.Record.Create)')
            [CompletionResult]::new('record-modify', 'record-modify', [CompletionResultType]::ParameterValue, 'Change one field of records selected by name or given by ID (Batch.Record.Modify)')
            [CompletionResult]::new('record-delete', 'record-delete', [CompletionResultType]::ParameterValue, 'Delete records selected by name or ID, listed first, only with --yes')
            [CompletionResult]::new('detail', 'detail', [CompletionResultType]::ParameterValue, 'Show jobs'' items and their status once (Batch.Detail)')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Poll jobs until no item is waiting or running, then show them')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Re-submit only the failed items of a finished job')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Send the parts of a split operation that were not sent when it stopped')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Put back what a record-modify job changed, delete what a record-create job added, create what a record-delete deleted, or put back what an apply did')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the records of domains as JSON Lines, CSV or BIND zone files (Record.List)')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show the changes that would make the account''s records match files of desired records')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the account''s records match files of desired records (or a saved plan), as one operation')
            [CompletionResult]::new('jobs', 'jobs', [CompletionResultType]::ParameterValue, 'List recently submitted jobs from the local job history')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff): dpbatch''s, or a command''s (`dpbatch man retry` = dpbatch-retry(1))')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dpbatch;help;domain-create' {
            break
        }
        'dpbatch;help;record-create' {
            break
        }
        'dpbatch;help;record-modify' {
            break
        }
        'dpbatch;help;record-delete' {
            break
        }
        'dpbatch;help;detail' {
            break
        }
        'dpbatch;help;wait' {
            break
        }
        'dpbatch;help;retry' {
            break
        }
        'dpbatch;help;resume' {
            break
        }
        'dpbatch;help;undo' {
            break
        }
        'dpbatch;help;export' {
            break
        }
        'dpbatch;help;plan' {
            break
        }
        'dpbatch;help;apply' {
            break
        }
        'dpbatch;help;jobs' {
            break
        }
        'dpbatch;help;completions' {
            break
        }
        'dpbatch;help;man' {
            break
        }
        'dpbatch;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
