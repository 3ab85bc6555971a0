<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/about_dialog.py" line="+40" />
            <source>PyAV {pyav}, FFmpeg {ffmpeg}</source>
            <translation>PyAV {pyav}，FFmpeg {ffmpeg}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>none available: keys must come from environment variables</source>
            <translation>不可用：密钥必须来自环境变量</translation>
        </message>
        <message>
            <location line="+5" />
            <source>unavailable ({reason})</source>
            <translation>不可用（{reason}）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Python</source>
            <translation>Python</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Qt / PySide6</source>
            <translation>Qt / PySide6</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Video decoding</source>
            <translation>视频解码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keyring</source>
            <translation>钥匙串</translation>
        </message>
        <message>
            <location line="+2" />
            <source>System</source>
            <translation>系统</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Settings folder</source>
            <translation>设置文件夹</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Library folder</source>
            <translation>视频库文件夹</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cache folder</source>
            <translation>缓存文件夹</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Log file</source>
            <translation>日志文件</translation>
        </message>
        <message>
            <location line="+12" />
            <source>About {app}</source>
            <translation>关于 {app}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Write a prompt, generate short videos, watch them, keep every generation in a library and export clips to your folders.</source>
            <translation>写下提示词，生成短视频并观看；每一次生成都保存在视频库中，还可以把片段导出到你自己的文件夹。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>OpenAI shut its Sora video API down on 2026-09-24 and Azure closed new Sora 2 deployments. The app makes real videos through fal, Replicate and Runway, speaks the same Videos API to gateways that still serve it, and ships a simulator that makes real clips on this computer.</source>
            <translation>OpenAI 已于 2026-09-24 关闭 Sora 视频 API，Azure 也不再接受新的 Sora 2 部署。本应用通过 fal、Replicate 和 Runway 制作真实视频，也能与仍提供相同 Videos API 的网关通信，并自带一个在本机生成真实片段的模拟器。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Copy details</source>
            <translation>复制详细信息</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy versions and folders, e.g. for a bug report</source>
            <translation>复制版本和文件夹信息，例如用于报告问题</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../sora_desktop/gui/dialogs.py" line="+80" />
            <source>The file manager could not be opened. The folder is {0}</source>
            <translation>无法打开文件管理器。文件夹位于 {0}</translation>
        </message>
        <message>
            <location line="+79" />
            <source>Batch started: {0} jobs.</source>
            <translation>批处理已开始：{0} 个任务。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/app.py" line="+449" />
            <source>Library repaired</source>
            <translation>视频库已修复</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The library file was damaged and has been moved aside to:
{0}

A new, empty library was started. Your video files are still in their folder.</source>
            <translation>视频库文件已损坏，已移至：
{0}

已新建一个空的视频库。你的视频文件仍在原来的文件夹中。</translation>
        </message>
    </context>
    <context>
        <name>Banner</name>
        <message>
            <location filename="../../sora_desktop/gui/banner.py" line="+40" />
            <location line="+1" />
            <source>Dismiss</source>
            <translation>关闭提示</translation>
        </message>
    </context>
    <context>
        <name>BatchPanel</name>
        <message>
            <location filename="../../sora_desktop/gui/batch_view.py" line="+85" />
            <location line="+146" />
            <source>No batches yet: File ▸ New batch…</source>
            <translation>还没有批处理：文件 ▸ 新建批处理…</translation>
        </message>
        <message>
            <location line="-144" />
            <source>Retry failed</source>
            <translation>重试失败的行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A new job for each failed row (a new paid render)</source>
            <translation>为每个失败的行新建一个任务（一次新的付费渲染）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export results…</source>
            <translation>导出结果…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Contact sheet…</source>
            <translation>缩略图总览…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Stop sending</source>
            <translation>停止发送</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Send no more rows; jobs already sent finish</source>
            <translation>不再发送新的行；已发送的任务会继续完成</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Batch:</source>
            <translation>批处理：</translation>
        </message>
        <message>
            <location line="+106" />
            <source>{name} · {ready}/{rows} ready · {state}</source>
            <translation>{name} · {ready}/{rows} 已就绪 · {state}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location line="+1" />
            <source>stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <location line="+75" />
            <source>{ready} ready, {running} running, {waiting} waiting, {failed} failed of {total}.</source>
            <translation>共 {total} 行：{ready} 已就绪，{running} 运行中，{waiting} 等待中，{failed} 失败。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>{n} invalid (never sent).</source>
            <translation>{n} 行无效（不会发送）。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Estimated spent: {spent} (cap: {cap}).</source>
            <translation>估计已花费：{spent}（上限：{cap}）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{n} held by the cap.</source>
            <translation>{n} 行因花费上限而暂缓。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Continuing {n} unfinished batch(es): nothing is sent twice.</source>
            <translation>正在继续 {n} 个未完成的批处理：不会重复发送任何任务。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>{n} batch(es) finished.</source>
            <translation>{n} 个批处理已结束。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Retrying {n} failed rows as new jobs.</source>
            <translation>正在以新任务重试 {n} 个失败的行。</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Export results</source>
            <translation>导出结果</translation>
        </message>
        <message>
            <location line="+2" />
            <source>CSV (*.csv);;JSON (*.json)</source>
            <translation>CSV (*.csv);;JSON (*.json)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Results saved to {path}</source>
            <translation>结果已保存到 {path}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Contact sheet</source>
            <translation>缩略图总览</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Images (*.png *.jpg)</source>
            <translation>图片 (*.png *.jpg)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Contact sheet saved to {path}</source>
            <translation>缩略图总览已保存到 {path}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Batches</source>
            <translation>批处理</translation>
        </message>
    </context>
    <context>
        <name>ConnectionForm</name>
        <message>
            <location filename="../../sora_desktop/gui/connection_kinds.py" line="+62" />
            <source>Get an API key</source>
            <translation>获取 API 密钥</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prices</source>
            <translation>价格</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your dashboard</source>
            <translation>你的控制台</translation>
        </message>
        <message>
            <location line="+9" />
            <source>OpenAI shut its Sora video API down on 2026-09-24; this connection will only work with a gateway that still serves it.</source>
            <translation>OpenAI 已于 2026-09-24 关闭 Sora 视频 API；此连接只能配合仍提供该 API 的网关使用。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Azure stopped new Sora 2 deployments in September 2026; existing deployments may still answer.</source>
            <translation>Azure 已于 2026 年 9 月停止新建 Sora 2 部署；现有部署可能仍可使用。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Gateways such as LiteLLM expose /v1/videos and route it to other video models.</source>
            <translation>LiteLLM 等网关提供 /v1/videos 接口，并将请求转发给其他视频模型。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Runs on this computer and makes real MP4 clips; no account needed.</source>
            <translation>在本机运行，生成真实的 MP4 片段；无需账号。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>fal's queue API: Veo 3.1, Kling, Seedance, Wan and more with one fal key; billed per second of video.</source>
            <translation>fal 的队列 API：一个 fal 密钥即可使用 Veo 3.1、可灵（Kling）、Seedance、万相（Wan）等模型；按视频秒数计费。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Replicate's predictions API: Veo 3.1, Kling, Wan and any video model on Replicate with one API token; API results are deleted after an hour.</source>
            <translation>Replicate 的预测 API：一个 API 令牌即可使用 Veo 3.1、可灵（Kling）、万相（Wan）及 Replicate 上的任意视频模型；通过 API 生成的结果一小时后删除。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Runway's API: Gen-4.5, Gen-4 Turbo, Veo 3.1 and more with one Runway API key; billed in Runway credits.</source>
            <translation>Runway 的 API：一个 Runway API 密钥即可使用 Gen-4.5、Gen-4 Turbo、Veo 3.1 等模型；以 Runway 积分计费。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>OpenAI</source>
            <translation>OpenAI</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Azure OpenAI / Microsoft Foundry</source>
            <translation>Azure OpenAI / Microsoft Foundry</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Compatible gateway (e.g. LiteLLM)</source>
            <translation>兼容网关（如 LiteLLM）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Simulator (this computer)</source>
            <translation>模拟器（本机）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>fal</source>
            <translation>fal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Replicate</source>
            <translation>Replicate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Runway</source>
            <translation>Runway</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form.py" line="+340" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="-100" />
            <location line="+14" />
            <source>Base URL</source>
            <translation>基础 URL</translation>
        </message>
        <message>
            <location line="+104" />
            <source>Proxy</source>
            <translation>代理</translation>
        </message>
        <message>
            <location line="-228" />
            <source>A key is stored. Type a new one to replace it.</source>
            <translation>已保存密钥。输入新密钥即可替换。</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+43" />
            <source>Paste the API key (kept in the system keychain, never in a file)</source>
            <translation>粘贴 API 密钥（保存在系统钥匙串中，绝不写入文件）</translation>
        </message>
        <message>
            <location line="-28" />
            <source>Started by the app on this computer</source>
            <translation>由本应用在本机启动</translation>
        </message>
        <message>
            <location line="+95" />
            <source>Resource endpoint</source>
            <translation>资源终结点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>https://NAME.openai.azure.com or just the resource NAME</source>
            <translation>https://名称.openai.azure.com，或只填资源名称</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Gateway base URL</source>
            <translation>网关基础 URL</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Simulator URL</source>
            <translation>模拟器 URL</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Deployments (the names you gave them in Azure AI Foundry):</source>
            <translation>部署（你在 Azure AI Foundry 中为它们起的名称）：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Models this connection offers (the first is the default):</source>
            <translation>此连接提供的模型（第一个为默认）：</translation>
        </message>
        <message>
            <location line="+46" />
            <source>Enter the address.</source>
            <translation>请输入地址。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The address {url!r} is not a valid URL (it contains a space).</source>
            <translation>地址 {url!r} 不是有效的 URL（其中包含空格）。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Give the connection a name.</source>
            <translation>请为此连接命名。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Environment variable</source>
            <translation>环境变量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use letters, digits and underscores, e.g. OPENAI_API_KEY.</source>
            <translation>请使用字母、数字和下划线，例如 OPENAI_API_KEY。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Enter a proxy address like http://proxy.example:3128.</source>
            <translation>请输入代理地址，例如 http://proxy.example:3128。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Models</source>
            <translation>模型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add at least one model or deployment name.</source>
            <translation>请至少添加一个模型或部署名称。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="66" />
            <source>e.g. Studio gateway</source>
            <translation>例如：工作室网关</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="71" />
            <source>Service</source>
            <translation>服务</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="76" />
            <source>Authorization: Bearer header</source>
            <translation>Authorization: Bearer 请求头</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="77" />
            <source>api-key header (Azure)</source>
            <translation>api-key 请求头（Azure）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="78" />
            <source>Send the key as</source>
            <translation>密钥发送方式</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="82" />
            <source>API key</source>
            <translation>API 密钥</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="83" />
            <source>Microsoft Entra ID sign-in</source>
            <translation>Microsoft Entra ID 登录</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="85" />
            <source>Sign in with your Microsoft account in the browser when the connection is first used; no key is stored. The account needs the Cognitive Services OpenAI User role on the resource.</source>
            <translation>首次使用此连接时，在浏览器中用你的 Microsoft 账户登录；不保存任何密钥。该账户需要在此资源上拥有“Cognitive Services OpenAI User”角色。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="91" />
            <source>Sign in with</source>
            <translation>登录方式</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="96" />
            <source>Key stored in the system keychain</source>
            <translation>密钥保存在系统钥匙串中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="99" />
            <source>Key from environment variable</source>
            <translation>从环境变量读取密钥</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="106" />
            <source>This computer has no system keychain, so keys can't be stored here: name the environment variable that holds your key instead.</source>
            <translation>这台电脑没有系统钥匙串，无法在此保存密钥：请改为填写保存密钥的环境变量名称。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="126" />
            <source>optional, e.g. http://proxy.example:3128</source>
            <translation>可选，例如 http://proxy.example:3128</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="143" />
            <source>Add model</source>
            <translation>添加模型</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="144" />
            <source>Remove model</source>
            <translation>移除模型</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="162" />
            <source>Other (the gateway decides)</source>
            <translation>其他（由网关决定）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_form_widgets.py" line="133" />
            <source>Works like</source>
            <translation>能力等同于</translation>
        </message>
    </context>
    <context>
        <name>ConnectionsDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/connection_test.py" line="+43" />
            <source>Paste the key in the API key field.</source>
            <translation>请在“API 密钥”栏中粘贴密钥。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connections_dialog.py" line="+102" />
            <location line="+406" />
            <source>Connections</source>
            <translation>连接</translation>
        </message>
        <message>
            <location line="-381" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove…</source>
            <translation>移除…</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Test connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Make one cheap call to the service to check the address and the key</source>
            <translation>向服务发送一次低成本请求，检查地址和密钥</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Built in, no account needed</source>
            <translation>内置，无需账户</translation>
        </message>
        <message>
            <location line="+99" />
            <location line="+66" />
            <source>Profile</source>
            <translation>配置</translation>
        </message>
        <message>
            <location line="-63" />
            <location line="+61" />
            <source>API key</source>
            <translation>API 密钥</translation>
        </message>
        <message>
            <location line="-59" />
            <source>This computer has no system keychain, so the key can't be kept there. Choose “{option}” and enter the name of the variable that holds your key.</source>
            <translation>这台电脑没有系统钥匙串，无法在其中保存密钥。请选择“{option}”，并填写保存密钥的环境变量名称。</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Saved, but no API key is stored for it yet: paste the key and press Save before you generate.</source>
            <translation>已保存，但尚未为其保存 API 密钥：生成之前，请粘贴密钥并点击“保存”。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Remove connection</source>
            <translation>移除连接</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove “{name}” and forget its key?</source>
            <translation>移除“{name}”并删除其密钥？</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Testing {name}…</source>
            <translation>正在测试 {name}…</translation>
        </message>
        <message>
            <location line="+93" />
            <source>Save the changes to “{name}”?</source>
            <translation>要保存对“{name}”的更改吗？</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save the new connection?</source>
            <translation>要保存这个新连接吗？</translation>
        </message>
        <message>
            <location line="+6" />
            <source>If you don't save, what you typed here is lost.</source>
            <translation>如果不保存，在这里输入的内容将会丢失。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connection_test.py" line="+12" />
            <source>Connected in {ms} ms. The key was accepted and the service lists %n video(s).</source>
            <translation>连接成功，用时 {ms} 毫秒。密钥有效，服务中共列出 %n 个视频。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Connected in {ms} ms. The key was accepted.</source>
            <translation>已连接，用时 {ms} 毫秒。密钥已被接受。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{label}: {value}</source>
            <translation>{label}：{value}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No answer.</source>
            <translation>没有响应。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The connection failed: {detail}</source>
            <translation>连接失败：{detail}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Next step: {step}</source>
            <translation>下一步：{step}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/connections_dialog.py" line="-67" />
            <source>{field}: {message}</source>
            <translation>{field}：{message}</translation>
        </message>
    </context>
    <context>
        <name>DocsDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/help_dialogs.py" line="+93" />
            <source>Sora Desktop documentation</source>
            <translation>Sora Desktop 文档</translation>
        </message>
    </context>
    <context>
        <name>DraftKeeper</name>
        <message>
            <location filename="../../sora_desktop/gui/draft.py" line="+89" />
            <source>The reference image {0} is no longer there; it was left out.</source>
            <translation>参考图片 {0} 已不在原处，已略去。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The reference image {0} can't be used any more; it was left out.</source>
            <translation>参考图片 {0} 已无法使用，已略去。</translation>
        </message>
    </context>
    <context>
        <name>ErrorPresenter</name>
        <message>
            <location filename="../../sora_desktop/gui/error_presenter.py" line="+91" />
            <source>Sora Desktop</source>
            <translation>Sora Desktop</translation>
        </message>
        <message>
            <location line="+24" />
            <source>(no log file)</source>
            <translation>（无日志文件）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Something went wrong</source>
            <translation>出现问题</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sora Desktop hit an unexpected problem. Your library and running jobs are safe; jobs resume on the next start.</source>
            <translation>Sora Desktop 遇到意外问题。你的视频库和正在运行的任务都是安全的；任务会在下次启动时继续。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Details were written to the log file:
{0}</source>
            <translation>详细信息已写入日志文件：
{0}</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/export_dialog.py" line="+106" />
            <source>Export videos</source>
            <translation>导出视频</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Export 1 video.</source>
            <translation>导出 1 个视频。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export {count} videos.</source>
            <translation>导出 {count} 个视频。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location line="+11" />
            <source>File names</source>
            <translation>文件名</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Fields you can use: {fields}</source>
            <translation>可用字段：{fields}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The files will be named:</source>
            <translation>文件将被命名为：</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Also save the prompt and settings as a .json file next to each video</source>
            <translation>同时在每个视频旁保存一个包含提示词和参数的 .json 文件</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Copy the files</source>
            <translation>复制文件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Hard-link the files (no extra disk space; same drive only, else copied)</source>
            <translation>硬链接文件（不占用额外磁盘空间；仅限同一磁盘，否则改为复制）</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location line="+26" />
            <location line="+53" />
            <source>File names: {problem}</source>
            <translation>文件名：{problem}</translation>
        </message>
        <message>
            <location line="-49" />
            <source>… and {count} more</source>
            <translation>……另外还有 {count} 个</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{folder} does not exist yet; it will be created.</source>
            <translation>{folder} 尚不存在，导出时将自动创建。</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Export to folder</source>
            <translation>导出到文件夹</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Choose a folder to export to.</source>
            <translation>请选择要导出到的文件夹。</translation>
        </message>
        <message numerus="yes">
            <location line="+74" />
            <source>Exported before this: %n file(s).</source>
            <translation>
                <numerusform>在此之前已导出 %n 个文件。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportNotice</name>
        <message>
            <location filename="../../sora_desktop/gui/export_notice.py" line="+38" />
            <source>Dismiss</source>
            <translation>关闭提示</translation>
        </message>
        <message numerus="yes">
            <location line="+16" />
            <source>Exported %n file(s) to {folder}.</source>
            <translation>
                <numerusform>已将 %n 个文件导出到 {folder}。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>Show in folder</source>
            <translation>在文件夹中显示</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Open folder</source>
            <translation>打开文件夹</translation>
        </message>
    </context>
    <context>
        <name>ExtendDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/extend_dialog.py" line="+57" />
            <source>Extend video</source>
            <translation>延长视频</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Describe what happens next. The new part starts where this clip ends ({0} s, {1}).</source>
            <translation>描述接下来发生的事。新的部分从此片段结束处开始（{0} 秒，{1}）。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>{0} seconds</source>
            <translation>{0} 秒</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How long the new part lasts</source>
            <translation>新部分的时长</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add:</source>
            <translation>增加：</translation>
        </message>
        <message>
            <location line="+5" />
            <source>How:</source>
            <translation>方式：</translation>
        </message>
        <message>
            <location line="+5" />
            <source>An estimate from archived per-second prices; the service bills the truth</source>
            <translation>根据存档的每秒价格估算；实际费用以服务商账单为准</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cost:</source>
            <translation>费用：</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Extend</source>
            <translation>延长</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Send the extension (Ctrl+Enter)</source>
            <translation>发送延长请求 (Ctrl+Enter)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>This connection or clip can't be extended by the service, so the clip's exact last frame starts a new generation; when it is ready the two are joined on this computer into a new library item.</source>
            <translation>此连接或片段无法由服务延长，因此以片段的最后一帧作为起点生成新视频；完成后两者会在本机拼接成新的视频库条目。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>This clip is sent to the provider, whose model continues it; the whole longer clip becomes a new library item and this one stays as it is.</source>
            <translation>此片段会发送给服务商，由其模型接着生成；延长后的完整片段成为新的视频库条目，此片段保持不变。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The longer clip becomes a new library item; this one stays as it is.</source>
            <translation>更长的片段将成为新的视频库条目；此片段保持不变。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>A new {0}-second render: {1}</source>
            <translation>新渲染 {0} 秒：{1}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Joining it to this clip is free (done on this computer).</source>
            <translation>与此片段拼接免费（在本机完成）。</translation>
        </message>
    </context>
    <context>
        <name>FilmDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_film.py" line="+53" />
            <location line="+32" />
            <source>Make film</source>
            <translation>制作影片</translation>
        </message>
        <message numerus="yes">
            <location line="-27" />
            <source>The chosen take of each of the %n shot(s) becomes one MP4 in the library.</source>
            <translation>
                <numerusform>这 %n 个镜头各自选定的版本将合成为素材库中的一个 MP4。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+13" />
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <location line="+1" />
            <source>None (cut)</source>
            <translation>无（硬切）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Blend each shot into the next. A crossfade re-encodes the film; without one the clips are joined as they are, which is fast and lossless.</source>
            <translation>让每个镜头渐变过渡到下一个。使用交叉淡化会重新编码影片；不使用时片段按原样拼接，快速且无损。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Crossfade</source>
            <translation>交叉淡化</translation>
        </message>
    </context>
    <context>
        <name>FilterButton</name>
        <message>
            <location filename="../../sora_desktop/gui/library_filters.py" line="+114" />
            <source>Show only videos of some models, sizes, lengths, dates or connections</source>
            <translation>只显示特定模型、尺寸、时长、日期或连接的视频</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Filter ({count})</source>
            <translation>筛选（{count}）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Filter</source>
            <translation>筛选</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Length</source>
            <translation>时长</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{seconds} s</source>
            <translation>{seconds} 秒</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Connection</source>
            <translation>连接</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Clear filters</source>
            <translation>清除筛选</translation>
        </message>
        <message>
            <location line="+21" />
            <source>{label} ({count})</source>
            <translation>{label}（{count}）</translation>
        </message>
    </context>
    <context>
        <name>FrameGrab</name>
        <message>
            <location filename="../../sora_desktop/gui/frame_grab.py" line="+77" />
            <source>Save the frame on screen as a full-size PNG picture</source>
            <translation>将当前画面保存为原始尺寸的 PNG 图片</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Save &amp;frame…</source>
            <translation>保存画面(&amp;F)…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Use frame as start image</source>
            <translation>用此画面作为起始图片(&amp;U)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Start a new video from the frame on screen: it becomes the reference image</source>
            <translation>从当前画面开始新视频：它将成为参考图片</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Play a clip first: its frame on screen is saved.</source>
            <translation>请先播放一个片段：保存的是屏幕上的当前画面。</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Decoding the frame…</source>
            <translation>正在解码画面…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Frame saved: {0}</source>
            <translation>画面已保存：{0}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The frame is the start image of your next video.</source>
            <translation>此画面已设为下一个视频的起始图片。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Save frame</source>
            <translation>保存画面</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PNG picture (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
    </context>
    <context>
        <name>ImagePicker</name>
        <message>
            <location filename="../../sora_desktop/gui/image_picker.py" line="+106" />
            <source>Choose image…</source>
            <translation>选择图片…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Fit (add bars)</source>
            <translation>适应（加黑边）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Crop to fill</source>
            <translation>裁剪填满</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The image must match the video size exactly: fit it or crop it</source>
            <translation>图片尺寸必须与视频完全一致：请选择适应或裁剪</translation>
        </message>
        <message>
            <location line="+63" />
            <source>Choose a reference image</source>
            <translation>选择参考图片</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Images ({0})</source>
            <translation>图片（{0}）</translation>
        </message>
        <message>
            <location line="+32" />
            <source>This image can't be read: {0}</source>
            <translation>无法读取此图片：{0}</translation>
        </message>
        <message>
            <location line="+33" />
            <source>No image
(drop one here)</source>
            <translation>没有图片
（拖放到这里）</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Optional: the first frame follows this image (PNG, JPEG or WebP).</source>
            <translation>可选：视频第一帧将参照此图片（PNG、JPEG 或 WebP）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>fitted with bars</source>
            <translation>加黑边适应</translation>
        </message>
        <message>
            <location line="+0" />
            <source>cropped</source>
            <translation>裁剪</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{0}: {1}×{2}, will be {3} to {4}.</source>
            <translation>{0}：{1}×{2}，将{3}为 {4}。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{0}: exactly {1}, sent as is.</source>
            <translation>{0}：正好是 {1}，按原样发送。</translation>
        </message>
    </context>
    <context>
        <name>LibraryFilters</name>
        <message>
            <location filename="../../sora_desktop/gui/library_filters.py" line="-144" />
            <source>Newest first</source>
            <translation>最新优先</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Oldest first</source>
            <translation>最早优先</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Longest first</source>
            <translation>时长最长优先</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shortest first</source>
            <translation>时长最短优先</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Largest size first</source>
            <translation>尺寸最大优先</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Smallest size first</source>
            <translation>尺寸最小优先</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Model (A to Z)</source>
            <translation>模型（A 到 Z）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Model (Z to A)</source>
            <translation>模型（Z 到 A）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connection (A to Z)</source>
            <translation>连接（A 到 Z）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connection (Z to A)</source>
            <translation>连接（Z 到 A）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prompt (A to Z)</source>
            <translation>提示词（A 到 Z）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prompt (Z to A)</source>
            <translation>提示词（Z 到 A）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Column order</source>
            <translation>按列排序</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Any time</source>
            <translation>任意时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Past 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Past 30 days</source>
            <translation>最近 30 天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This year</source>
            <translation>今年</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Simulator at {host}</source>
            <translation>位于 {host} 的模拟器</translation>
        </message>
    </context>
    <context>
        <name>LibraryModel</name>
        <message>
            <location filename="../../sora_desktop/gui/library_rows.py" line="+60" />
            <source>+{seconds} s</source>
            <translation>+{seconds} 秒</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Deleted from the service on {when}</source>
            <translation>已于 {when} 从服务端删除</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Deleted from the service</source>
            <translation>已从服务端删除</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Remix of “{prompt}”</source>
            <translation>再创作自“{prompt}”</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Remix (the original is not in the library)</source>
            <translation>再创作（原视频不在视频库中）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%n remix(es)</source>
            <translation>%n 个再创作</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Used in %n film(s) or extension(s)</source>
            <translation>用于 %n 部影片或延长视频</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Film of %n clip(s)</source>
            <translation>由 %n 个片段组成的影片</translation>
        </message>
        <message>
            <location line="+3" />
            <source>“{prompt}” extended</source>
            <translation>“{prompt}”的延长版</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Extension (the original is not in the library)</source>
            <translation>延长视频（原视频不在视频库中）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Extension of “{prompt}”</source>
            <translation>延长自“{prompt}”</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/library_columns.py" line="+71" />
            <source>Prompt</source>
            <translation>提示词</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Created</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Length</source>
            <translation>时长</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+34" />
            <location filename="../../sora_desktop/gui/library_model.py" line="+403" />
            <source>Favourite</source>
            <translation>收藏</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/library_rows.py" line="-79" />
            <source>{seconds} s</source>
            <translation>{seconds} 秒</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/library_columns.py" line="+2" />
            <source>Not a favourite</source>
            <translation>未收藏</translation>
        </message>
    </context>
    <context>
        <name>LibraryPanel</name>
        <message>
            <location filename="../../sora_desktop/gui/library_view.py" line="+176" />
            <source>Search prompts…</source>
            <translation>搜索提示词…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Show only videos in this state</source>
            <translation>只显示处于此状态的视频</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All videos</source>
            <translation>全部视频</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ready to watch</source>
            <translation>可以观看</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In progress</source>
            <translation>进行中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed or expired</source>
            <translation>失败或已过期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location line="+8" />
            <source>★ Favourites</source>
            <translation>★ 收藏</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show only favourites</source>
            <translation>只显示收藏</translation>
        </message>
        <message>
            <location line="+46" />
            <source>Video actions</source>
            <translation>视频操作</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+1" />
            <source>More actions</source>
            <translation>更多操作</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/library_actions.py" line="+55" />
            <location line="+89" />
            <source>Make a variation with a changed prompt</source>
            <translation>修改提示词生成一个变体</translation>
        </message>
        <message>
            <location line="-84" />
            <source>Put this prompt and its settings back into the editor</source>
            <translation>把此提示词及其参数放回编辑器</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+97" />
            <source>Make this video again as a new job, with the same settings</source>
            <translation>以相同设置作为新任务重新生成这个视频</translation>
        </message>
        <message>
            <location line="-85" />
            <source>Remove the video file and its library entry</source>
            <translation>删除视频文件及其视频库条目</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Ask the service to delete its copy</source>
            <translation>请求服务删除其副本</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Select the video this one was made from (remixed, extended or stitched)</source>
            <translation>选中此视频的来源视频（再创作、延长或拼接的来源）</translation>
        </message>
        <message>
            <location line="+69" />
            <source>It may have been made and charged: check the dashboard, then decide</source>
            <translation>它可能已经生成并已计费：请先查看控制台再决定</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/library_view.py" line="+119" />
            <source>1 video</source>
            <translation>1 个视频</translation>
        </message>
        <message>
            <location line="+0" />
            <source>{count} videos</source>
            <translation>{count} 个视频</translation>
        </message>
        <message>
            <location line="+12" />
            <source>No videos match. Try other words or clear the filters.</source>
            <translation>没有匹配的视频。请换个关键词或清除筛选条件。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Your videos will appear here. Write a prompt and press Generate.</source>
            <translation>你的视频会显示在这里。写下提示词，然后点击“生成”。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/library_actions.py" line="+72" />
            <source>Can't show the file</source>
            <translation>无法显示该文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file manager could not be opened. The file is at:
{path}</source>
            <translation>无法打开文件管理器。文件位于：
{path}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/library_delete.py" line="+29" />
            <source>Delete %n selected video(s) from this computer? The files are removed from the library folder. Copies you exported stay where they are.</source>
            <translation>从本机删除选中的 %n 个视频？文件将从视频库文件夹中删除。你导出的副本不受影响。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Delete “{prompt}” from the service? This can't be undone: you won't be able to remix it any more. The video on this computer stays in your library.</source>
            <translation>要从服务端删除“{prompt}”吗？此操作无法撤销：之后将无法再对它进行再创作。本机上的视频仍保留在你的视频库中。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Delete %n selected video(s) from the service? This can't be undone: you won't be able to remix them any more. The videos on this computer stay in your library.</source>
            <translation>要从服务端删除选中的 %n 个视频吗？此操作无法撤销：之后将无法再对它们进行再创作。本机上的视频仍保留在你的视频库中。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/library_actions.py" line="-180" />
            <source>&amp;Play</source>
            <translation>播放(&amp;P)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Remix…</source>
            <translation>再创作(&amp;R)…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Re&amp;use prompt</source>
            <translation>重用提示词(&amp;U)</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+92" />
            <source>Re&amp;try…</source>
            <translation>重试(&amp;T)…</translation>
        </message>
        <message>
            <location line="-88" />
            <source>&amp;Extend…</source>
            <translation>延长(&amp;E)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Stitch…</source>
            <translation>拼接(&amp;S)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E&amp;xport…</source>
            <translation>导出(&amp;X)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show in &amp;folder</source>
            <translation>在文件夹中显示(&amp;F)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Copy path</source>
            <translation>复制路径(&amp;C)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>F&amp;avourite</source>
            <translation>收藏(&amp;A)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Delete from this computer…</source>
            <translation>从本机删除(&amp;D)…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Delete from the ser&amp;vice…</source>
            <translation>从服务端删除(&amp;V)…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Go to the original</source>
            <translation>转到原视频(&amp;G)</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Re&amp;mixes (%n)</source>
            <translation>再创作(&amp;M)（%n）</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Se&amp;nd again…</source>
            <translation>再次发送(&amp;N)…</translation>
        </message>
        <message>
            <location line="+111" />
            <source>Delete videos</source>
            <translation>删除视频</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Some files could not be deleted</source>
            <translation>部分文件无法删除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close any app that uses them and try again.</source>
            <translation>请关闭正在使用这些文件的应用后重试。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Delete from the service</source>
            <translation>从服务端删除</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/library_story.py" line="28" />
            <source>Make this clip longer: describe what happens next (a new library item)</source>
            <translation>延长此片段：描述接下来发生的事（生成新的视频库条目）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/library_story.py" line="32" />
            <source>Join the selected clips, in order, into one film in the library</source>
            <translation>将选中的片段按顺序拼接成视频库中的一部影片</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/library_story.py" line="38" />
            <source>Select one finished clip to extend it.</source>
            <translation>请选择一个已完成的片段来延长。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/library_story.py" line="51" />
            <source>Select two or more finished clips to stitch them into one film.</source>
            <translation>请选择两个或更多已完成的片段来拼接成一部影片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/library_story.py" line="53" />
            <source>Only finished clips can be stitched: leave out the others.</source>
            <translation>只能拼接已完成的片段：请去掉其他片段。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../sora_desktop/gui/main_window.py" line="+141" />
            <source>Add a connection…</source>
            <translation>添加连接…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Generate</source>
            <translation>生成</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Queue</source>
            <translation>队列</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Storyboard</source>
            <translation>故事板</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location line="+110" />
            <source>This video is not on this computer (yet).</source>
            <translation>此视频（尚）不在本机上。</translation>
        </message>
        <message>
            <location line="+51" />
            <source>The file manager could not be opened. The folder is {0}</source>
            <translation>无法打开文件管理器。文件夹位于 {0}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Select videos in the library to export them.</source>
            <translation>请先在视频库中选择要导出的视频。</translation>
        </message>
        <message numerus="yes">
            <location line="+50" />
            <source>%n video(s) still being made.</source>
            <translation>
                <numerusform>仍有 %n 个视频正在生成。</numerusform>
            </translation>
        </message>
        <message>
            <location line="-411" />
            <source>You're using the built-in simulator: clips are made on this computer, no account needed. For real videos add a fal, Replicate or Runway connection (Veo 3.1, Kling, Seedance, Wan, Gen-4.5…): OpenAI's Sora API shut down on 2026-09-24 and Azure takes no new Sora 2 deployments.</source>
            <translation>你正在使用内置模拟器：片段在本机生成，无需账户。要制作真实视频，请添加 fal、Replicate 或 Runway 连接（Veo 3.1、可灵、Seedance、万相、Gen-4.5…）：OpenAI 的 Sora API 已于 2026-09-24 关闭，Azure 也不再接受新的 Sora 2 部署。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/job_updates.py" line="45" />
            <source>Sending…</source>
            <translation>正在发送…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/job_updates.py" line="79" />
            <source>Your video is ready.</source>
            <translation>你的视频已就绪。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/job_updates.py" line="80" />
            <source>Video ready</source>
            <translation>视频已就绪</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/job_updates.py" line="87" />
            <source>The job did not finish.</source>
            <translation>任务未能完成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/job_updates.py" line="93" />
            <source>Video failed</source>
            <translation>视频生成失败</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/job_updates.py" line="97" />
            <source>Cancelled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/job_updates.py" line="51" />
            <source>Sent. Rendering…</source>
            <translation>已发送，正在渲染…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/job_updates.py" line="70" />
            <source>Resumed {0} unfinished job(s).</source>
            <translation>已恢复 {0} 个未完成的任务。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="24" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="25" />
            <source>&amp;Generate</source>
            <translation>生成(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="30" />
            <source>&amp;Export selected videos…</source>
            <translation>导出所选视频(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="34" />
            <source>New &amp;batch…</source>
            <translation>新建批处理(&amp;B)…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="40" />
            <source>Ba&amp;tches</source>
            <translation>批处理(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="44" />
            <source>Open e&amp;xport folder</source>
            <translation>打开导出文件夹(&amp;X)</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="47" />
            <source>Open &amp;library folder</source>
            <translation>打开视频库文件夹(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="60" />
            <source>&amp;Preferences…</source>
            <translation>偏好设置(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="66" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="71" />
            <source>C&amp;lip</source>
            <translation>片段(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="74" />
            <source>&amp;Connections</source>
            <translation>连接(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="75" />
            <source>&amp;Manage connections…</source>
            <translation>管理连接(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="78" />
            <source>Estimated &amp;spending…</source>
            <translation>预估花费(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="81" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="83" />
            <source>&amp;About Sora Desktop</source>
            <translation>关于 Sora Desktop(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="52" />
            <source>New &amp;storyboard…</source>
            <translation>新建故事板(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="53" />
            <source>&amp;Open storyboard…</source>
            <translation>打开故事板(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/menus.py" line="54" />
            <source>Save storyboard &amp;as…</source>
            <translation>故事板另存为(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/questions.py" line="30" />
            <source>Cancel this job?</source>
            <translation>取消此任务？</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/questions.py" line="36" />
            <source>This app stops waiting for the video. A render the service has already started keeps running there and may still be billed.</source>
            <translation>本应用将不再等待此视频。服务端已开始的渲染会继续进行，仍可能产生费用。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/questions.py" line="41" />
            <source>Cancel job</source>
            <translation>取消任务</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/questions.py" line="42" />
            <source>Keep waiting</source>
            <translation>继续等待</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/questions.py" line="56" />
            <source>Jobs are still running</source>
            <translation>仍有任务在运行</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/questions.py" line="59" />
            <source>Keep them and they continue the next time you open Sora Desktop, or cancel them now (a render the service already started may still be billed).</source>
            <translation>保留它们，下次打开 Sora Desktop 时会继续；或者现在取消（服务端已开始的渲染仍可能产生费用）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/questions.py" line="64" />
            <source>Keep for next start</source>
            <translation>保留到下次启动</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/questions.py" line="65" />
            <source>Cancel them</source>
            <translation>取消这些任务</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/questions.py" line="66" />
            <source>Don't close</source>
            <translation>不关闭</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/questions.py" line="83" />
            <source>Replace the timeline?</source>
            <translation>替换时间线？</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/questions.py" line="84" />
            <source>Replace the timeline in “{0}”?</source>
            <translation>要替换“{0}”中的时间线吗？</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/questions.py" line="86" />
            <source>{0} is already there and may have been edited since. Its timeline and clips are replaced.</source>
            <translation>{0} 已在那里，之后可能被编辑过。替换后，其时间线和片段都会被覆盖。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/questions.py" line="32" />
            <source>Cancel the job “{0}”?</source>
            <translation>取消任务“{0}”吗？</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/sending.py" line="61" />
            <source>This request is on its way to the service.</source>
            <translation>这个请求正在发送给服务。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/sending.py" line="85" />
            <source>Already sent. Change the prompt or settings, or wait a moment to generate it again.</source>
            <translation>已经发送过了。请修改提示词或设置，或稍等片刻再重新生成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/sending.py" line="157" />
            <source>Not sent.</source>
            <translation>未发送。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/sending.py" line="177" />
            <source>This job is no longer in the library.</source>
            <translation>这个任务已不在作品库中。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/sending.py" line="63" />
            <source>Generate again</source>
            <translation>再次生成</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/sending.py" line="66" />
            <source>Start another job with the same prompt and settings (it is made and billed again)</source>
            <translation>用相同的提示词和设置再开始一个任务（会重新生成并再次计费）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/sending.py" line="72" />
            <source>Start the generation (Ctrl+Enter)</source>
            <translation>开始生成（Ctrl+Enter）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_tab.py" line="61" />
            <source>Open storyboard</source>
            <translation>打开故事板</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_tab.py" line="63" />
            <source>Storyboards (*.storyboard.json *.json)</source>
            <translation>故事板 (*.storyboard.json *.json)</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_tab.py" line="85" />
            <source>Save storyboard as</source>
            <translation>故事板另存为</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_tab.py" line="87" />
            <source>Storyboards (*.storyboard.json)</source>
            <translation>故事板 (*.storyboard.json)</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_tab.py" line="81" />
            <source>Open a storyboard first.</source>
            <translation>请先打开一个故事板。</translation>
        </message>
    </context>
    <context>
        <name>ModelOptions</name>
        <message>
            <location filename="../../sora_desktop/gui/model_options.py" line="+39" />
            <source>Make sound</source>
            <translation>生成声音</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sound often costs more: the estimate follows it</source>
            <translation>有声音通常更贵：估算会随之变化</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Audio</source>
            <translation>音频</translation>
        </message>
        <message>
            <location line="+3" />
            <source>What the video should not show</source>
            <translation>视频中不应出现的内容</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Negative prompt</source>
            <translation>反向提示词</translation>
        </message>
        <message>
            <location line="+4" />
            <source>random</source>
            <translation>随机</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The same seed and settings give a similar video</source>
            <translation>相同的种子和设置会生成相似的视频</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <location line="+4" />
            <source>End image</source>
            <translation>结束图像</translation>
        </message>
    </context>
    <context>
        <name>MoreSettings</name>
        <message>
            <location filename="../../sora_desktop/gui/more_settings.py" line="+59" />
            <location line="+42" />
            <source>More settings</source>
            <translation>更多设置</translation>
        </message>
        <message>
            <location line="-2" />
            <source>More settings ({count})</source>
            <translation>更多设置（{count}）</translation>
        </message>
        <message>
            <location line="+9" />
            <source>This model has no other settings to choose</source>
            <translation>此模型没有其他可选设置</translation>
        </message>
        <message>
            <location line="+44" />
            <source>(model's default)</source>
            <translation>（模型默认值）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(default: {value})</source>
            <translation>（默认：{value}）</translation>
        </message>
    </context>
    <context>
        <name>NewBatchDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/batch_dialog.py" line="+72" />
            <source>New batch</source>
            <translation>新建批处理</translation>
        </message>
        <message>
            <location line="+12" />
            <source>A CSV, TSV, text (one prompt a line) or JSON file</source>
            <translation>CSV、TSV、文本（每行一个提示词）或 JSON 文件</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+28" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location line="-20" />
            <source>Optional, e.g. “a {subject} at {place}” (default: the prompt column)</source>
            <translation>可选，例如“a {subject} at {place}”（默认：prompt 列）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Optional, e.g. seconds=4,8 seed=1..4</source>
            <translation>可选，例如 seconds=4,8 seed=1..4</translation>
        </message>
        <message>
            <location line="+6" />
            <source>No cap</source>
            <translation>无上限</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Optional: also copy each clip here, named by its row</source>
            <translation>可选：同时把每个片段复制到这里，按行命名</translation>
        </message>
        <message>
            <location line="+9" />
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Template:</source>
            <translation>模板：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sweeps:</source>
            <translation>参数扫描：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spending cap:</source>
            <translation>花费上限：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Jobs at once:</source>
            <translation>同时运行的任务数：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy clips to:</source>
            <translation>片段复制到：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connection:</source>
            <translation>连接：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Choose a file, then Preview: nothing is sent before you start.</source>
            <translation>选择一个文件，然后点击“预览”：在你开始之前不会发送任何内容。</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+46" />
            <source>Start batch</source>
            <translation>开始批处理</translation>
        </message>
        <message>
            <location line="-18" />
            <source>Batch file</source>
            <translation>批处理文件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Batch files ({patterns})</source>
            <translation>批处理文件 ({patterns})</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Copy clips to</source>
            <translation>片段复制到</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Changed: preview again before starting.</source>
            <translation>已更改：开始之前请重新预览。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Choose a file first.</source>
            <translation>请先选择一个文件。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Reading the file…</source>
            <translation>正在读取文件…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>A big batch</source>
            <translation>大型批处理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This batch makes {count} jobs. Preview all of them?</source>
            <translation>这个批处理会生成 {count} 个任务。要预览全部吗？</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Start batch (≈ {cost})</source>
            <translation>开始批处理（≈ {cost}）</translation>
        </message>
        <message>
            <location line="+15" />
            <source>{send} of {total} jobs to send, estimated {cost}, about {time} with {n} at a time.</source>
            <translation>{total} 个任务中将发送 {send} 个，估计 {cost}，每次 {n} 个，约需 {time}。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>{n} invalid (never sent: see why in Status).</source>
            <translation>{n} 个无效（不会发送：原因见“状态”列）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{n} held by the {cap} cap (raise it to send them).</source>
            <translation>{n} 个因 {cap} 的上限而暂缓（提高上限即可发送）。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{n} without a known price.</source>
            <translation>{n} 个价格未知。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Some seeds are not sent: this connection's model takes none.</source>
            <translation>部分种子不会发送：此连接的模型不接受种子。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Starting…</source>
            <translation>正在开始…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_dialog.py" line="54" />
            <source>{n} h</source>
            <translation>{n} 小时</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_dialog.py" line="51" />
            <source>{n} s</source>
            <translation>{n} 秒</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_dialog.py" line="53" />
            <source>{n} min</source>
            <translation>{n} 分钟</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/preferences_dialog.py" line="+57" />
            <source>Preferences</source>
            <translation>偏好设置</translation>
        </message>
        <message>
            <location line="+3" />
            <source>General</source>
            <translation>常规</translation>
        </message>
        <message>
            <location line="+3" />
            <source>System language</source>
            <translation>跟随系统语言</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sora Desktop changes to this language when it restarts. After OK you can restart it now or later.</source>
            <translation>Sora Desktop 重新启动后才会切换到这种语言。点击“确定”后，可以选择立即或稍后重新启动。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Show the banner while using the simulator</source>
            <translation>使用模拟器时显示提示横幅</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Notify me when a video is ready</source>
            <translation>视频就绪时通知我</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Ask when exporting</source>
            <translation>导出时询问</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location line="+3" />
            <source>File names</source>
            <translation>文件名</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Save a .json file with the prompt and settings</source>
            <translation>保存一个包含提示词和参数的 .json 文件</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Hard-link instead of copying when possible</source>
            <translation>尽可能使用硬链接而不是复制</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Default export folder</source>
            <translation>默认导出文件夹</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <location filename="../../sora_desktop/gui/preview.py" line="+95" />
            <source>Your video plays here.
Write a prompt and press Generate.</source>
            <translation>你的视频将在这里播放。
写下提示词，然后点击“生成”。</translation>
        </message>
        <message>
            <location line="+18" />
            <location line="+309" />
            <source>Play (Space)</source>
            <translation>播放（空格）</translation>
        </message>
        <message>
            <location line="-303" />
            <source>Previous frame</source>
            <translation>上一帧</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Next frame</source>
            <translation>下一帧</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Position</source>
            <translation>位置</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Loop</source>
            <translation>循环</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Play the clip over and over</source>
            <translation>反复播放此片段</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Mute</source>
            <translation>静音</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Volume</source>
            <translation>音量</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Full screen (F)</source>
            <translation>全屏（F）</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Play or pause the clip</source>
            <translation>播放或暂停片段</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Back 5 seconds (one frame while paused)</source>
            <translation>后退 5 秒（暂停时后退一帧）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Forward 5 seconds (one frame while paused)</source>
            <translation>前进 5 秒（暂停时前进一帧）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Full screen on or off</source>
            <translation>进入或退出全屏</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leave full screen</source>
            <translation>退出全屏</translation>
        </message>
        <message>
            <location line="+223" />
            <source>Pause (Space)</source>
            <translation>暂停（空格）</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Can't play {0}: {1}</source>
            <translation>无法播放 {0}：{1}</translation>
        </message>
    </context>
    <context>
        <name>PromptEditor</name>
        <message>
            <location filename="../../sora_desktop/gui/prompt_editor.py" line="+52" />
            <source>&lt;b&gt;Prompt&lt;/b&gt;</source>
            <translation>&lt;b&gt;提示词&lt;/b&gt;</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Recent</source>
            <translation>最近</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reuse one of your recent prompts</source>
            <translation>重用最近的提示词</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Recipe</source>
            <translation>配方</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Build a prompt from subject, scene, action, camera, lighting, style, motion</source>
            <translation>根据主体、场景、动作、镜头、光线、风格和运动构建提示词</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Describe the video: who or what, where, what happens, the camera, the light and the style. Press Ctrl+Enter to generate.</source>
            <translation>描述视频：主体是谁或什么、在哪里、发生了什么，以及镜头、光线和风格。按 Ctrl+Enter 生成。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Generate</source>
            <translation>生成</translation>
        </message>
        <message>
            <location line="+59" />
            <source>Insert the recipe</source>
            <translation>插入配方</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your prompt already has text. Replace it with the recipe?</source>
            <translation>提示词中已有内容。要用配方替换它吗？</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Or add the recipe's sentences at the end of what you wrote.</source>
            <translation>也可以把配方生成的句子添加到你所写内容的末尾。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Replace</source>
            <translation>替换</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add at the end</source>
            <translation>添加到末尾</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Write a prompt first.</source>
            <translation>请先写提示词。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The prompt is {0} characters too long (the limit is {1}).</source>
            <translation>提示词超出 {0} 个字符（上限为 {1}）。</translation>
        </message>
        <message>
            <location line="+27" />
            <source>{0} / {1}</source>
            <translation>{0} / {1}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Too long: shorten the prompt to send it.</source>
            <translation>太长了：请缩短提示词后再发送。</translation>
        </message>
    </context>
    <context>
        <name>QueueView</name>
        <message>
            <location filename="../../sora_desktop/gui/queue_view.py" line="+149" />
            <source>Clear finished</source>
            <translation>清除已完成</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+55" />
            <source>&lt;b&gt;Queue&lt;/b&gt; — {0} running</source>
            <translation>&lt;b&gt;队列&lt;/b&gt; — {0} 个运行中</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&lt;b&gt;Queue&lt;/b&gt; — nothing running</source>
            <translation>&lt;b&gt;队列&lt;/b&gt; — 没有运行中的任务</translation>
        </message>
    </context>
    <context>
        <name>RemixDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/remix_dialog.py" line="+40" />
            <source>Remix video</source>
            <translation>再创作视频</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Describe what should change. The remix keeps the original's structure, so small, specific changes work best.</source>
            <translation>描述需要改变的地方。再创作会保留原视频的结构，因此小而具体的修改效果最好。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>A new video ({0} s, {1}): {2}</source>
            <translation>新视频（{0} 秒，{1}）：{2}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>An estimate from archived per-second prices; the service bills the truth</source>
            <translation>根据存档的每秒价格估算；实际费用以服务商账单为准</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Remix</source>
            <translation>再创作</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Make the remix (Ctrl+Enter)</source>
            <translation>开始混剪（Ctrl+Enter）</translation>
        </message>
    </context>
    <context>
        <name>SettingsPanel</name>
        <message>
            <location filename="../../sora_desktop/gui/settings_panel.py" line="+114" />
            <source>Where videos are made</source>
            <translation>视频在哪里生成</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connection</source>
            <translation>连接</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Portrait</source>
            <translation>竖屏</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Landscape</source>
            <translation>横屏</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Orientation</source>
            <translation>方向</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Duration</source>
            <translation>时长</translation>
        </message>
        <message>
            <location line="+5" />
            <source>An estimate from archived per-second prices; the service bills the truth</source>
            <translation>根据存档的每秒价格估算；实际费用以服务商账单为准</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cost</source>
            <translation>费用</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+330" />
            <source>Reference image (optional)</source>
            <translation>参考图片（可选）</translation>
        </message>
        <message>
            <location line="-152" />
            <source>Add a connection first.</source>
            <translation>请先添加连接。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Pick a model or type a model id.</source>
            <translation>请选择一个模型，或输入模型 ID。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Pick a size and a duration.</source>
            <translation>请选择尺寸和时长。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{model} makes videos from a start image: pick one.</source>
            <translation>{model} 需要根据起始图像生成视频：请选择一张。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This size needs a start image: pick one, or another size.</source>
            <translation>此尺寸需要起始图像：请选择一张，或换一个尺寸。</translation>
        </message>
        <message>
            <location line="+93" />
            <source>or type any model id</source>
            <translation>或输入任意模型 ID</translation>
        </message>
        <message>
            <location line="+33" />
            <source>{0} seconds</source>
            <translation>{0} 秒</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Start image (required)</source>
            <translation>起始图像（必填）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Start image (optional)</source>
            <translation>起始图像（可选）</translation>
        </message>
        <message>
            <location line="+68" />
            <source>{0} × {1}</source>
            <translation>{0} × {1}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/model_details.py" line="66" />
            <source>Reading the model's settings…</source>
            <translation>正在读取模型的设置…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/model_details.py" line="87" />
            <source>{provider} gave no list of this model's own settings (it publishes none, or it could not be reached); the settings above still work.</source>
            <translation>{provider} 未提供此模型自身设置的列表（它不公开，或无法连接）；上面的设置仍然可用。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/model_details.py" line="100" />
            <source>The model's own settings could not be read ({reason}); the settings above still work.</source>
            <translation>无法读取模型自身的设置（{reason}）；上面的设置仍然可用。</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/help_dialogs.py" line="-33" />
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Keys</source>
            <translation>按键</translation>
        </message>
    </context>
    <context>
        <name>ShotDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/shot_dialog.py" line="+52" />
            <source>Shot</source>
            <translation>镜头</translation>
        </message>
        <message>
            <location line="+4" />
            <source>e.g. Harbour at dusk</source>
            <translation>例如：黄昏的港口</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Describe what happens in this shot</source>
            <translation>描述这个镜头里发生的事情</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Prompt</source>
            <translation>提示词</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Connection</source>
            <translation>连接</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Duration</source>
            <translation>时长</translation>
        </message>
        <message>
            <location line="+2" />
            <source>None (text only)</source>
            <translation>无（仅文字）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>An image file</source>
            <translation>图像文件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Continue from the previous shot</source>
            <translation>接续上一个镜头</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+89" />
            <source>Start image</source>
            <translation>起始图像</translation>
        </message>
        <message>
            <location line="-87" />
            <source>PNG, JPEG or WebP</source>
            <translation>PNG、JPEG 或 WebP</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Image</source>
            <translation>图像</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Crop to fill</source>
            <translation>裁剪填满</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fit (letterbox)</source>
            <translation>适应（加黑边）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other sizes</source>
            <translation>尺寸不同时</translation>
        </message>
        <message>
            <location line="+18" />
            <source>The first shot has no shot before it to continue from.</source>
            <translation>第一个镜头之前没有可以接续的镜头。</translation>
        </message>
        <message>
            <location line="+42" />
            <source>{0} × {1}</source>
            <translation>{0} × {1}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{0} seconds</source>
            <translation>{0} 秒</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Images (*.png *.jpg *.jpeg *.webp)</source>
            <translation>图像 (*.png *.jpg *.jpeg *.webp)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Write a prompt for this shot.</source>
            <translation>请为这个镜头写一段提示词。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose the start image, or set the start to none.</source>
            <translation>请选择起始图像，或把起始设为“无”。</translation>
        </message>
    </context>
    <context>
        <name>SortButton</name>
        <message>
            <location filename="../../sora_desktop/gui/library_filters.py" line="+127" />
            <source>Sort the library</source>
            <translation>对视频库排序</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Sort: {order}</source>
            <translation>排序：{order}</translation>
        </message>
    </context>
    <context>
        <name>SpendingDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/spending_dialog.py" line="+44" />
            <source>Estimated spending</source>
            <translation>预估花费</translation>
        </message>
        <message>
            <location line="+5" />
            <source>This month: ≈ {month} · All time: ≈ {total}</source>
            <translation>本月：≈ {month} · 累计：≈ {total}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Month / connection</source>
            <translation>月份 / 连接</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Videos</source>
            <translation>视频数</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Estimated</source>
            <translation>预估</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Nothing has been sent to a service yet.</source>
            <translation>尚未向任何服务发送过请求。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Estimates from archived per-second prices for the videos each service accepted; your service's bill is what counts.</source>
            <translation>按存档的每秒价格，对各服务已接受的视频进行估算；实际费用以服务商账单为准。</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>%n video(s) with a model of unknown price are not included.</source>
            <translation>
                <numerusform>有 %n 个视频的模型价格未知，未计入。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+14" />
            <source>free</source>
            <translation>免费</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>(+%n unpriced)</source>
            <translation>
                <numerusform>（另有 %n 个价格未知）</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StitchDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/stitch_dialog.py" line="+72" />
            <source>Stitch into one film</source>
            <translation>拼接成一部影片</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The clips play in this order. Move a clip up or down to change it.</source>
            <translation>片段按此顺序播放。上移或下移片段可改变顺序。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Move the clip earlier in the film</source>
            <translation>将片段在影片中前移</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Move up</source>
            <translation>上移</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Move the clip later in the film</source>
            <translation>将片段在影片中后移</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Move down</source>
            <translation>下移</translation>
        </message>
        <message>
            <location line="+14" />
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <location line="+1" />
            <source>None (cut)</source>
            <translation>无（直接切换）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Blend the end of each clip into the start of the next (re-encodes the film)</source>
            <translation>将每个片段的结尾与下一个片段的开头交叉淡化（影片需要重新编码）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Crossfade:</source>
            <translation>交叉淡化：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy only (never re-encode)</source>
            <translation>仅复制（从不重新编码）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Refuse clips that can't be joined without re-encoding, instead of re-encoding</source>
            <translation>拒绝无法不经重新编码就拼接的片段，而不是重新编码</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+61" />
            <source>Checking the clips…</source>
            <translation>正在检查片段…</translation>
        </message>
        <message>
            <location line="-48" />
            <source>Stitch</source>
            <translation>拼接</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Make the film and add it to the library</source>
            <translation>制作影片并加入视频库</translation>
        </message>
        <message>
            <location line="+66" />
            <source>The film lasts about {0} s.</source>
            <translation>影片时长约 {0} 秒。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The clips share their format: they are joined without re-encoding.</source>
            <translation>这些片段格式相同：拼接时不重新编码。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Copy only: these clips can't be joined without re-encoding:</source>
            <translation>仅复制：这些片段无法不经重新编码就拼接：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The film is re-encoded to the first clip's format:</source>
            <translation>影片将按第一个片段的格式重新编码：</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Stitching…</source>
            <translation>正在拼接…</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Cancelled: no film was made.</source>
            <translation>已取消：未生成影片。</translation>
        </message>
    </context>
    <context>
        <name>StoryActions</name>
        <message>
            <location filename="../../sora_desktop/gui/story_actions.py" line="+81" />
            <source>This job is no longer in the library.</source>
            <translation>此任务已不在视频库中。</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Already sent. Wait a moment to extend it again.</source>
            <translation>已发送。请稍候再延长一次。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The extended clip is in the library.</source>
            <translation>延长后的片段已在视频库中。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The film is in the library.</source>
            <translation>影片已在视频库中。</translation>
        </message>
    </context>
    <context>
        <name>Storyboard</name>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_model.py" line="+69" />
            <source>Ready</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Being made</source>
            <translation>生成中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not made yet</source>
            <translation>尚未生成</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waiting</source>
            <translation>等待中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Blocked</source>
            <translation>受阻</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sending…</source>
            <translation>正在发送…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Waiting for shot {0}</source>
            <translation>等待第 {0} 个镜头</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Shot {0}</source>
            <translation>镜头 {0}</translation>
        </message>
        <message>
            <location line="+161" />
            <source>Takes: {0}</source>
            <translation>版本数：{0}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_sending.py" line="+87" />
            <source>Already sent. Wait a moment to send these shots again.</source>
            <translation>已发送。请稍候再重新发送这些镜头。</translation>
        </message>
    </context>
    <context>
        <name>StoryboardPanel</name>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_panel.py" line="+128" />
            <location line="+66" />
            <source>Untitled storyboard</source>
            <translation>未命名故事板</translation>
        </message>
        <message numerus="yes">
            <location line="-64" />
            <source>%n shot(s)</source>
            <translation>
                <numerusform>%n 个镜头</numerusform>
            </translation>
        </message>
        <message>
            <location line="+18" />
            <source>The storyboard shown</source>
            <translation>当前显示的故事板</translation>
        </message>
        <message>
            <location line="+42" />
            <source>New storyboard</source>
            <translation>新建故事板</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+14" />
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <location line="-14" />
            <source>My film</source>
            <translation>我的影片</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Rename storyboard</source>
            <translation>重命名故事板</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Delete storyboard</source>
            <translation>删除故事板</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete the storyboard “{0}”? Its clips stay in the library.</source>
            <translation>删除故事板“{0}”吗？其片段仍保留在素材库中。</translation>
        </message>
        <message>
            <location line="+232" />
            <source>Storyboard saved to {0}</source>
            <translation>故事板已保存到 {0}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_film.py" line="109" />
            <source>Making the film…</source>
            <translation>正在制作影片…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_film.py" line="109" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_film.py" line="111" />
            <source>Make film</source>
            <translation>制作影片</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_film.py" line="121" />
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_film.py" line="133" />
            <source>joined as they are</source>
            <translation>按原样拼接</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_film.py" line="133" />
            <source>re-encoded</source>
            <translation>已重新编码</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_film.py" line="141" />
            <source>Film cancelled; nothing was written.</source>
            <translation>已取消制作影片；没有写入任何文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_film.py" line="134" />
            <source>Film ready ({0}): {1}</source>
            <translation>影片已完成（{0}）：{1}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_film.py" line="245" />
            <source>Timeline exported: {0}</source>
            <translation>时间线已导出：{0}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="43" />
            <source>The take of this shot that goes into the film</source>
            <translation>此镜头用于影片的版本</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="67" />
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="68" />
            <source>Start a new storyboard</source>
            <translation>新建一个故事板</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="69" />
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="70" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="71" />
            <source>Forget this storyboard (its clips stay in the library)</source>
            <translation>删除此故事板（其片段仍保留在素材库中）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="73" />
            <source>More</source>
            <translation>更多</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="94" />
            <source>Add shot…</source>
            <translation>添加镜头…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="96" />
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="98" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="99" />
            <source>Take:</source>
            <translation>版本：</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="109" />
            <source>Generate missing</source>
            <translation>生成缺少的镜头</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="111" />
            <source>Make every shot that has no take yet; a shot that continues the one before it starts when that take is ready</source>
            <translation>生成所有还没有版本的镜头；接续上一个镜头的镜头会在上一个版本完成后开始</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="117" />
            <source>Regenerate</source>
            <translation>重新生成</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="119" />
            <source>Make a new take of the selected shot (it is made and billed again)</source>
            <translation>为选中的镜头生成一个新版本（会再次生成并计费）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="121" />
            <source>Make film…</source>
            <translation>制作影片…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="122" />
            <source>Export timeline…</source>
            <translation>导出时间线…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="206" />
            <source>Make a storyboard with New, or open one from the File menu.</source>
            <translation>点击“新建”创建故事板，或从“文件”菜单打开一个。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="210" />
            <source>Add the first shot: each shot becomes one clip of the film.</source>
            <translation>添加第一个镜头：每个镜头会成为影片中的一个片段。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="199" />
            <source>Every shot needs a finished take first.</source>
            <translation>每个镜头都需要先有一个已完成的版本。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="226" />
            <source>Take {0}</source>
            <translation>版本 {0}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_widgets.py" line="228" />
            <source>Take {0} (not ready)</source>
            <translation>版本 {0}（未完成）</translation>
        </message>
    </context>
    <context>
        <name>TemplateBuilder</name>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="+182" />
            <source>type or pick…</source>
            <translation>输入或选择…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Insert into prompt</source>
            <translation>插入到提示词</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="27" />
            <source>Subject</source>
            <translation>主体</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="28" />
            <source>Scene</source>
            <translation>场景</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="29" />
            <source>Action</source>
            <translation>动作</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="30" />
            <source>Camera</source>
            <translation>镜头</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="31" />
            <source>Lighting</source>
            <translation>光线</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="32" />
            <source>Style</source>
            <translation>风格</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="33" />
            <source>Motion</source>
            <translation>运动</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="119" />
            <source>{subject} {action} {where}.</source>
            <translation>{where}，{subject}{action}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="120" />
            <source>{subject} {action}.</source>
            <translation>{subject}{action}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="121" />
            <source>{subject} {where}.</source>
            <translation>{where}的{subject}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="122" />
            <source>{action} {where}.</source>
            <translation>{where}，{action}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="123" />
            <source>{subject}.</source>
            <translation>{subject}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="124" />
            <source>{action}.</source>
            <translation>{action}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="125" />
            <source>Set {where}.</source>
            <translation>{where}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="144" />
            <source>Camera: {0}.</source>
            <translation>镜头：{0}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="145" />
            <source>Lighting: {0}.</source>
            <translation>光线：{0}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="146" />
            <source>Style: {0}.</source>
            <translation>风格：{0}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="147" />
            <source>Motion: {0}.</source>
            <translation>运动：{0}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="41" />
            <source>a red fox</source>
            <translation>一只红狐狸</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="42" />
            <source>a paper boat</source>
            <translation>一只纸船</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="43" />
            <source>an old lighthouse keeper's cat</source>
            <translation>老灯塔看守人的猫</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="44" />
            <source>a small robot gardener</source>
            <translation>一个小小的机器人园丁</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="45" />
            <source>a hot-air balloon</source>
            <translation>一个热气球</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="48" />
            <source>in a snowy pine forest at dawn</source>
            <translation>在黎明时分积雪的松林里</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="49" />
            <source>on a rain-soaked city street at night</source>
            <translation>在夜晚被雨水浸透的城市街道上</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="50" />
            <source>on a quiet beach at sunset</source>
            <translation>在日落时分宁静的海滩上</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="51" />
            <source>inside a cosy wooden cabin</source>
            <translation>在温馨的小木屋里</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="52" />
            <source>above a misty mountain valley</source>
            <translation>在云雾缭绕的山谷上空</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="55" />
            <source>walks slowly towards the camera</source>
            <translation>缓缓走向镜头</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="56" />
            <source>leaps over a fallen log</source>
            <translation>跃过一根倒下的树干</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="57" />
            <source>drifts gently along the water</source>
            <translation>随水流轻轻漂荡</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="58" />
            <source>looks up as snow begins to fall</source>
            <translation>抬头望着开始飘落的雪花</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="59" />
            <source>turns around and smiles</source>
            <translation>转过身来微笑</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="62" />
            <source>slow dolly-in</source>
            <translation>缓慢推镜</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="63" />
            <source>wide establishing shot</source>
            <translation>广角全景镜头</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="64" />
            <source>handheld close-up</source>
            <translation>手持特写</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="65" />
            <source>aerial drone shot, slowly rising</source>
            <translation>无人机航拍，缓缓上升</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="66" />
            <source>static tripod shot</source>
            <translation>三脚架固定镜头</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="67" />
            <source>tracking shot from the side</source>
            <translation>侧面跟拍</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="70" />
            <source>golden hour sunlight</source>
            <translation>黄金时刻的阳光</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="71" />
            <source>soft overcast light</source>
            <translation>柔和的阴天光线</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="72" />
            <source>neon reflections</source>
            <translation>霓虹灯的倒影</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="73" />
            <source>warm candlelight</source>
            <translation>温暖的烛光</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="74" />
            <source>dramatic backlight with long shadows</source>
            <translation>戏剧性的逆光和长长的影子</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="77" />
            <source>cinematic, 35 mm film grain</source>
            <translation>电影感，35 毫米胶片颗粒</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="78" />
            <source>photorealistic</source>
            <translation>照片级写实</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="79" />
            <source>hand-drawn watercolour animation</source>
            <translation>手绘水彩动画</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="80" />
            <source>stop-motion claymation</source>
            <translation>定格黏土动画</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="81" />
            <source>vintage 1970s documentary</source>
            <translation>复古 1970 年代纪录片</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="84" />
            <source>slow motion</source>
            <translation>慢动作</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="85" />
            <source>smooth and steady</source>
            <translation>平稳流畅</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="86" />
            <source>fast, energetic cuts</source>
            <translation>快速而充满活力的剪辑</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="87" />
            <source>gentle floating movement</source>
            <translation>轻柔的漂浮感</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="88" />
            <source>time-lapse</source>
            <translation>延时摄影</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="97" />
            <source>in on at inside outside above under over near by across through along beneath behind into onto from within among around beside between</source>
            <translation>在 于 从 位于 沿着 穿过 朝着 向</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="113" />
            <source>in {scene}</source>
            <translation>在{scene}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="153" />
            <source>{0} {1}</source>
            <translation>{0}{1}</translation>
        </message>
    </context>
    <context>
        <name>TimelineDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/storyboard_film.py" line="+81" />
            <source>Export timeline</source>
            <translation>导出时间线</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The chosen takes are copied into a clips folder beside the timeline, so the folder can be moved or handed over whole.</source>
            <translation>选定的版本会复制到时间线旁边的 clips 文件夹中，因此整个文件夹可以移动或整体交付。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>OpenTimelineIO (.otio)</source>
            <translation>OpenTimelineIO (.otio)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Final Cut Pro X XML (.fcpxml)</source>
            <translation>Final Cut Pro X XML (.fcpxml)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CMX 3600 EDL (.edl)</source>
            <translation>CMX 3600 EDL (.edl)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Timeline folder</source>
            <translation>时间线文件夹</translation>
        </message>
    </context>
    <context>
        <name>BatchModel</name>
        <message>
            <location filename="../../sora_desktop/gui/batch_model.py" line="32" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_model.py" line="38" />
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_model.py" line="39" />
            <source>Prompt</source>
            <translation>提示词</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_model.py" line="40" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_model.py" line="41" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_model.py" line="42" />
            <source>Seconds</source>
            <translation>秒数</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_model.py" line="43" />
            <source>Seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_model.py" line="44" />
            <source>Cost</source>
            <translation>费用</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_model.py" line="45" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_model.py" line="58" />
            <source>File or reason</source>
            <translation>文件或原因</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_model.py" line="108" />
            <source>To send</source>
            <translation>待发送</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_model.py" line="105" />
            <source>Held by the cap</source>
            <translation>因上限暂缓</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_model.py" line="107" />
            <source>To send (seed not sent)</source>
            <translation>待发送（不发送种子）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/batch_model.py" line="103" />
            <source>Invalid: {reason}</source>
            <translation>无效：{reason}</translation>
        </message>
    </context>
    <context>
        <name>Cost</name>
        <message>
            <location filename="../../sora_desktop/gui/cost.py" line="56" />
            <source>(free on the simulator)</source>
            <translation>（模拟器上免费）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/cost.py" line="84" />
            <source>An estimate; the provider bills the truth.</source>
            <translation>这是估算；实际费用以服务商账单为准。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/cost.py" line="46" />
            <source>price unknown</source>
            <translation>价格未知</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/cost.py" line="48" />
            <source>≈ ${0} at ${1}/s</source>
            <translation>≈ ${0}（每秒 ${1}）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/cost.py" line="75" />
            <source>price unknown: the app has no price for this model</source>
            <translation>价格未知：应用中没有此模型的价格</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/cost.py" line="76" />
            <source>See the provider's price list (Connections… links to it) before you generate</source>
            <translation>生成前请查看服务商的价格表（“连接…”中有链接）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/cost.py" line="83" />
            <source>≈ ${0}</source>
            <translation>≈ ${0}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/cost.py" line="86" />
            <source>Price checked {date}: {source}</source>
            <translation>价格核对于 {date}：{source}</translation>
        </message>
    </context>
    <context>
        <name>HelpMenu</name>
        <message>
            <location filename="../../sora_desktop/gui/help_menu.py" line="53" />
            <source>Sora Desktop &amp;documentation</source>
            <translation>Sora Desktop 文档(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/help_menu.py" line="56" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/help_menu.py" line="58" />
            <source>Open the &amp;log folder</source>
            <translation>打开日志文件夹(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/help_menu.py" line="59" />
            <source>The log files help when something went wrong: attach them to a report</source>
            <translation>出问题时日志文件很有帮助：报告问题时请附上它们</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/help_menu.py" line="72" />
            <source>The documentation is not installed with this copy of Sora Desktop.</source>
            <translation>此版本的 Sora Desktop 没有附带文档。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/help_menu.py" line="99" />
            <source>The file manager could not be opened. The logs are in {0}</source>
            <translation>无法打开文件管理器。日志位于 {0}</translation>
        </message>
    </context>
    <context>
        <name>QueueModel</name>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="234" />
            <source>Prompt</source>
            <translation>提示词</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="235" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="236" />
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="237" />
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="238" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="239" />
            <source>Elapsed</source>
            <translation>已用时间</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="289" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="291" />
            <source>Send again…</source>
            <translation>再次发送…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="292" />
            <source>Retry…</source>
            <translation>重试…</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="275" />
            <source>{0} · {1} · {2} s</source>
            <translation>{0} · {1} · {2} 秒</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="260" />
            <source>Look for it in your dashboard first: {0}</source>
            <translation>请先在你的控制台中查找：{0}</translation>
        </message>
    </context>
    <context>
        <name>Resend</name>
        <message>
            <location filename="../../sora_desktop/gui/resend.py" line="77" />
            <source>Send again</source>
            <translation>再次发送</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/resend.py" line="78" />
            <source>Send this request again as a new job?</source>
            <translation>将此请求作为新任务再次发送？</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/resend.py" line="83" />
            <source>Don't send</source>
            <translation>不发送</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/resend.py" line="60" />
            <source>Sending again makes a NEW paid job with the same settings; the old one stays in the library as it is.</source>
            <translation>再次发送会以相同设置创建一个新的付费任务；旧任务原样保留在资料库中。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/resend.py" line="45" />
            <source>The reply to this request was lost and the provider can't say whether it arrived: the video may have been made, and charged.</source>
            <translation>此请求的回复已丢失，服务商无法确认请求是否送达：视频可能已经生成并已计费。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/resend.py" line="54" />
            <source>Look for it in your dashboard first: {link}</source>
            <translation>请先在你的控制台中查找：{link}</translation>
        </message>
    </context>
    <context>
        <name>Restart</name>
        <message>
            <location filename="../../sora_desktop/gui/restart.py" line="46" />
            <source>the system language</source>
            <translation>系统语言</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/restart.py" line="53" />
            <source>Restart Sora Desktop?</source>
            <translation>要重新启动 Sora Desktop 吗？</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/restart.py" line="56" />
            <source>The windows that are open keep their language until then. Videos being made are kept and continue after the restart. Choose Later and the new language shows the next time you start Sora Desktop.</source>
            <translation>在此之前，已打开的窗口保持原来的语言。正在生成的视频会被保留，并在重新启动后继续。选择“稍后”，新语言将在下次启动 Sora Desktop 时显示。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/restart.py" line="62" />
            <source>Restart now</source>
            <translation>立即重新启动</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/restart.py" line="63" />
            <source>Later</source>
            <translation>稍后</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/restart.py" line="54" />
            <source>Restart now to show Sora Desktop in {0}?</source>
            <translation>立即重新启动，以{0}显示 Sora Desktop 吗？</translation>
        </message>
    </context>
    <context>
        <name>Retry</name>
        <message>
            <location filename="../../sora_desktop/gui/retry.py" line="43" />
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/retry.py" line="49" />
            <source>Make this video again as a new job?</source>
            <translation>要作为新任务重新生成这个视频吗？</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/retry.py" line="59" />
            <source>Retry as a new job</source>
            <translation>作为新任务重试</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/retry.py" line="60" />
            <source>Don't retry</source>
            <translation>不重试</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/retry.py" line="32" />
            <source>A remix of the same video</source>
            <translation>对同一个视频的混剪</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/retry.py" line="27" />
            <source>{0} · {1} · {2} s</source>
            <translation>{0} · {1} · {2} 秒</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/retry.py" line="33" />
            <source>Estimated cost: {0}</source>
            <translation>预估费用：{0}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/retry.py" line="45" />
            <source>This job failed.</source>
            <translation>这个任务失败了。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/retry.py" line="46" />
            <source>This job was cancelled.</source>
            <translation>这个任务已被取消。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/retry.py" line="47" />
            <source>This job's video expired before it was downloaded.</source>
            <translation>这个任务的视频在下载前已过期。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/retry.py" line="30" />
            <source>Reference image: {0}</source>
            <translation>参考图片：{0}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/retry.py" line="52" />
            <source>A new request with the same settings is sent to the service, which bills it separately. The old job stays in the library as it is.</source>
            <translation>会以相同设置向服务发送一个新请求，服务会单独计费。原来的任务保持原样留在作品库中。</translation>
        </message>
    </context>
    <context>
        <name>core</name>
        <message>
            <location filename="../../sora_desktop/core/api_keys.py" line="44" />
            <source>No API key is saved for this connection.</source>
            <translation>此连接没有保存 API 密钥。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/api_keys.py" line="37" />
            <source>No API key: the environment variable {name} is not set.</source>
            <translation>没有 API 密钥：环境变量 {name} 未设置。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/api_keys.py" line="40" />
            <source>Set {name} to your API key and try again.</source>
            <translation>请将 {name} 设置为你的 API 密钥，然后重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/api_keys.py" line="46" />
            <source>Save it with: sora-desktop profile set-key {profile}</source>
            <translation>可用此命令保存：sora-desktop profile set-key {profile}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/columns.py" line="81" />
            <source>a model name can't be empty</source>
            <translation>模型名称不能为空</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/columns.py" line="125" />
            <source>an image path can't be empty</source>
            <translation>图片路径不能为空</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/columns.py" line="91" />
            <source>{value!r} is not a whole number of seconds</source>
            <translation>{value!r} 不是整数秒数</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/columns.py" line="102" />
            <source>{value!r} is not a size like 1280x720</source>
            <translation>{value!r} 不是像 1280x720 这样的尺寸</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/columns.py" line="109" />
            <source>{value!r} is not an aspect ratio like 16:9</source>
            <translation>{value!r} 不是像 16:9 这样的宽高比</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/columns.py" line="116" />
            <source>{value!r} is not a seed (a whole number from 0 to {top})</source>
            <translation>{value!r} 不是种子（0 到 {top} 之间的整数）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/errors.py" line="12" />
            <source>{source}, line {line}, column {column}</source>
            <translation>{source}，第 {line} 行，第 {column} 列</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/errors.py" line="16" />
            <source>{source}, line {line}</source>
            <translation>{source}，第 {line} 行</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/errors.py" line="18" />
            <source>{source}, character {column}</source>
            <translation>{source}，第 {column} 个字符</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/errors.py" line="36" />
            <source>{where}: {problem}</source>
            <translation>{where}：{problem}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/errors.py" line="51" />
            <source>this batch would make {count} jobs, more than {limit}.</source>
            <translation>此批量任务将生成 {count} 个任务，超过 {limit} 个。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="94" />
            <source>A JSON batch is an array of rows, or an object with "rows" (and optionally "template" and "sweep").</source>
            <translation>JSON 批量文件是由行组成的数组，或是含有 "rows"（可选 "template" 和 "sweep"）的对象。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="120" />
            <source>there is more after the end of the JSON.</source>
            <translation>JSON 结束后还有其他内容。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="121" />
            <source>Keep one JSON document in the file (or use JSON Lines, .jsonl).</source>
            <translation>文件中只保留一个 JSON 文档（或改用 JSON Lines，.jsonl）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="209" />
            <source>the object has no "rows".</source>
            <translation>该对象没有 "rows"。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="215" />
            <source>Write a sweep as {{"seconds": [4, 8], "seed": [1, 2, 3]}}.</source>
            <translation>参数扫描的写法：{{"seconds": [4, 8], "seed": [1, 2, 3]}}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="217" />
            <source>"sweep" must be an object.</source>
            <translation>"sweep" 必须是一个对象。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="261" />
            <source>a row must be an object or a string.</source>
            <translation>每一行必须是对象或字符串。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="89" />
            <source>Check the JSON near this place (quotes, commas, brackets).</source>
            <translation>请检查此处附近的 JSON（引号、逗号、括号）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="115" />
            <source>the file holds no array of rows.</source>
            <translation>文件中没有由行组成的数组。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="144" />
            <source>expected , or ] here.</source>
            <translation>此处应为 , 或 ]。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="273" />
            <source>a key of this row is empty.</source>
            <translation>此行有一个键为空。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="274" />
            <source>Name every column.</source>
            <translation>请为每一列命名。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="283" />
            <source>Give each column text or a number (or null for none).</source>
            <translation>每列的值应为文本或数字（没有值时用 null）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="335" />
            <source>there is more after the row on this line.</source>
            <translation>此行的数据之后还有其他内容。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="336" />
            <source>Put one JSON row (an object or a string) on each line.</source>
            <translation>每行放一个 JSON 行（对象或字符串）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="74" />
            <source>Give each column its own name.</source>
            <translation>请为每一列取不同的名称。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="167" />
            <source>expected a key in double quotes here.</source>
            <translation>此处应为带双引号的键。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="88" />
            <source>expected {what} here.</source>
            <translation>此处应为 {what}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="180" />
            <source>"rows" must be an array.</source>
            <translation>"rows" 必须是数组。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="222" />
            <source>the sweep {name!r} must be a list of values.</source>
            <translation>参数扫描 {name!r} 必须是值的列表。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="228" />
            <source>the sweep {name!r} holds something that is not text or a number.</source>
            <translation>参数扫描 {name!r} 中含有既不是文本也不是数字的内容。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="282" />
            <source>the value of {key!r} is not text or a number.</source>
            <translation>{key!r} 的值既不是文本也不是数字。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="73" />
            <source>this object has the key {key!r} twice.</source>
            <translation>此对象中键 {key!r} 出现了两次。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="79" />
            <source>this is not valid JSON ({detail}).</source>
            <translation>这不是有效的 JSON（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="185" />
            <source>"template" must be text.</source>
            <translation>"template" 必须是文本。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="204" />
            <source>expected , or }} here.</source>
            <translation>此处应为 , 或 }}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/jsonsource.py" line="193" />
            <source>{key!r} is not a key of a batch file.</source>
            <translation>{key!r} 不是批量文件的键。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="177" />
            <source>the template</source>
            <translation>模板</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="253" />
            <source>Use one of the file's columns, or add a column of that name.</source>
            <translation>请使用文件中已有的列，或添加一个同名的列。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="297" />
            <source>this row gives both a size and an aspect ratio.</source>
            <translation>此行同时给出了尺寸和宽高比。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="298" />
            <source>Give one of them: the size, or the aspect ratio to take the model's size of.</source>
            <translation>只给出其中之一：尺寸，或按宽高比选用模型的尺寸。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="204" />
            <source>Keep one of them.</source>
            <translation>只保留其中一个。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="217" />
            <source>Remove the column or the sweep: a row's value and a sweep can't both apply.</source>
            <translation>删除该列或该参数扫描：行中的值与参数扫描不能同时生效。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="128" />
            <source>Confirm that you want all of them, or sweep fewer values.</source>
            <translation>请确认要生成全部这些任务，或减少参数扫描的值。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="250" />
            <source>the placeholder {{{name}}} names no column of {file} (its columns: {columns}).</source>
            <translation>占位符 {{{name}}} 不对应 {file} 中的任何列（现有列：{columns}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="289" />
            <source>Fix the value, or leave the cell empty to use the batch's setting.</source>
            <translation>请修正该值，或将单元格留空以使用批量任务的设置。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="118" />
            <source>Split the file or sweep fewer values: one batch makes at most {limit} jobs.</source>
            <translation>请拆分文件或减少参数扫描的值：一个批量任务最多生成 {limit} 个任务。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="199" />
            <source>the columns {first!r} and {second!r} both set {setting}.</source>
            <translation>列 {first!r} 和 {second!r} 都设置了 {setting}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="214" />
            <source>the file's column {column!r} sets {setting}, and a sweep varies it.</source>
            <translation>文件中的列 {column!r} 设置了 {setting}，而参数扫描也在改变它。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="234" />
            <source>the file has no column named prompt (its columns: {columns}).</source>
            <translation>文件中没有名为 prompt 的列（现有列：{columns}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="237" />
            <source>Add a prompt column, or give a template that uses the columns, e.g. “a {{subject}} at {{place}}”.</source>
            <translation>请添加 prompt 列，或提供使用这些列的模板，例如“a {{subject}} at {{place}}”。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="267" />
            <source>Give every row a value for it (null for an empty one).</source>
            <translation>请为每一行提供该值（为空时用 null）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="288" />
            <source>{column}: {why}.</source>
            <translation>{column}：{why}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/plan.py" line="264" />
            <source>this row has no {name!r}, which the template uses.</source>
            <translation>此行没有模板用到的 {name!r}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/preview.py" line="149" />
            <source>seed {seed} is not sent: {model} on this connection takes no seed, so the result varies as any new job does.</source>
            <translation>种子 {seed} 不会发送：此连接上的 {model} 不接受种子，因此结果会像任何新任务一样有所不同。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/preview.py" line="214" />
            <source>{model} makes no {aspect} videos (its sizes: {sizes}).</source>
            <translation>{model} 不能生成 {aspect} 的视频（它的尺寸：{sizes}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/records.py" line="72" />
            <source>invalid</source>
            <translation>无效</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/records.py" line="73" />
            <source>waiting</source>
            <translation>等待中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/records.py" line="74" />
            <source>held by the cap</source>
            <translation>因花费上限暂停</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/records.py" line="75" />
            <source>sending</source>
            <translation>发送中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/records.py" line="76" />
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/records.py" line="77" />
            <source>interrupted</source>
            <translation>已中断</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/records.py" line="78" />
            <source>ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/records.py" line="79" />
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/records.py" line="80" />
            <source>expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/records.py" line="81" />
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/records.py" line="82" />
            <source>deleted from the library</source>
            <translation>已从视频库删除</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/review.py" line="215" />
            <source>no frame could be read</source>
            <translation>无法读取画面</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/runner.py" line="100" />
            <source>This batch is already running in another Sora Desktop (a window or a command).</source>
            <translation>此批量任务已在另一个 Sora Desktop（窗口或命令行）中运行。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/runner.py" line="101" />
            <source>Let it run there, or close the other one and resume the batch here.</source>
            <translation>让它在那里继续运行，或关闭另一个后在这里继续此批量任务。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/runner.py" line="198" />
            <source>This batch is no longer in the library.</source>
            <translation>此批量任务已不在视频库中。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="164" />
            <source>Save the file as UTF-8 (in Excel: “CSV UTF-8”; in a text editor: encoding UTF-8) and try again.</source>
            <translation>请将文件另存为 UTF-8（Excel 中选择“CSV UTF-8”；文本编辑器中选择 UTF-8 编码）后重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="99" />
            <source>Check that the file exists and that you may read it.</source>
            <translation>请检查文件是否存在以及您是否有权读取它。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="323" />
            <source>Give every row a value for each column (an empty one is fine: two delimiters).</source>
            <translation>每一行都要为每一列提供一个值（空值也可以：两个分隔符相连）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="332" />
            <source>the file has no rows.</source>
            <translation>文件中没有数据行。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="333" />
            <source>Put one prompt on each line, or a header line and then one row per job.</source>
            <translation>每行写一个提示词，或先写一行表头，再每个任务一行。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="170" />
            <source>the file is UTF-16 text, not UTF-8.</source>
            <translation>该文件是 UTF-16 文本，不是 UTF-8。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="312" />
            <source>Remove the extra values, or put a value holding the delimiter in double quotes.</source>
            <translation>请删除多余的值，或将含有分隔符的值放在双引号中。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="98" />
            <source>the file can't be read ({detail}).</source>
            <translation>无法读取该文件（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="118" />
            <source>Split it into several batches.</source>
            <translation>请将其拆分为多个批量任务。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="127" />
            <source>this is a folder, not a file.</source>
            <translation>这是一个文件夹，不是文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="128" />
            <source>Give a CSV, TSV, text or JSON file.</source>
            <translation>请提供 CSV、TSV、文本或 JSON 文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="133" />
            <source>there is no such file.</source>
            <translation>没有这个文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="133" />
            <source>Check the file's name and folder.</source>
            <translation>请检查文件名和所在文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="260" />
            <source>Name every column in the first line, or remove the empty one.</source>
            <translation>请在第一行为每一列命名，或删除空列。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="319" />
            <source>this row has {count} values, but the header names {columns} columns (missing: {missing}).</source>
            <translation>此行有 {count} 个值，但表头有 {columns} 列（缺少：{missing}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="211" />
            <source>Check the quotes on this line: a value with a quote, delimiter or line break is written in double quotes, with "" for a quote inside it.</source>
            <translation>请检查此行的引号：含有引号、分隔符或换行的值要放在双引号中，值中的引号写作 ""。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="309" />
            <source>this row has {count} values, but the header names {columns} columns.</source>
            <translation>此行有 {count} 个值，但表头有 {columns} 列。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="115" />
            <source>the file is {mb:.0f} MB; a batch file may have at most {limit} MB.</source>
            <translation>该文件大小为 {mb:.0f} MB；批量文件最大为 {limit} MB。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="181" />
            <source>the file is not UTF-8 text: byte 0x{byte:02X} (byte {offset} of the file) is not UTF-8.</source>
            <translation>该文件不是 UTF-8 文本：字节 0x{byte:02X}（文件的第 {offset} 个字节）不是 UTF-8。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="259" />
            <source>column {column} of the header has no name.</source>
            <translation>表头的第 {column} 列没有名称。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="267" />
            <source>the header names {name!r} twice (columns {first} and {second}).</source>
            <translation>表头中 {name!r} 出现了两次（第 {first} 列和第 {second} 列）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/source.py" line="208" />
            <source>this row is not valid {kind} ({detail}).</source>
            <translation>此行不是有效的 {kind}（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="94" />
            <source>Give at least one value, e.g. seconds=4,8.</source>
            <translation>请至少给出一个值，例如 seconds=4,8。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="119" />
            <source>Write a range as low..high, e.g. seed=1..4.</source>
            <translation>范围写作 low..high，例如 seed=1..4。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="126" />
            <source>the sweep {spec!r}</source>
            <translation>参数扫描 {spec!r}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="130" />
            <source>a sweep is written NAME=VALUE,VALUE.</source>
            <translation>参数扫描的写法为 NAME=VALUE,VALUE。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="131" />
            <source>For example: --sweep seconds=4,8 --sweep seed=1..4</source>
            <translation>例如：--sweep seconds=4,8 --sweep seed=1..4</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="101" />
            <source>List each value once.</source>
            <translation>每个值只列一次。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="144" />
            <source>Put all its values in one sweep.</source>
            <translation>将它的所有值放在同一个参数扫描中。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="65" />
            <source>{name!r} is not a setting a sweep can vary.</source>
            <translation>{name!r} 不是可以扫描的设置。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="66" />
            <source>Sweep one of: {names}.</source>
            <translation>可扫描的设置：{names}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="75" />
            <source>Separate the values with commas, with nothing between two commas.</source>
            <translation>用逗号分隔各个值，两个逗号之间不要留空。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="89" />
            <source>Sweep fewer values.</source>
            <translation>请减少参数扫描的值。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="93" />
            <source>the sweep of {name} has no values.</source>
            <translation>{name} 的参数扫描没有值。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="116" />
            <source>the range {range!r} must go up and hold at most {limit} values.</source>
            <translation>范围 {range!r} 必须递增，且最多包含 {limit} 个值。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="82" />
            <source>Fix the value, or leave it out.</source>
            <translation>请修正该值，或将其删除。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="100" />
            <source>the sweep of {name} lists {value!r} twice.</source>
            <translation>{name} 的参数扫描中 {value!r} 出现了两次。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="143" />
            <source>{name} is swept twice.</source>
            <translation>{name} 被扫描了两次。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="74" />
            <source>the sweep of {name} has an empty value.</source>
            <translation>{name} 的参数扫描中有一个空值。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="86" />
            <source>the sweep of {name} has more than {limit} values.</source>
            <translation>{name} 的参数扫描超过 {limit} 个值。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/sweep.py" line="81" />
            <source>the sweep of {name}: {why}.</source>
            <translation>{name} 的参数扫描：{why}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/template.py" line="49" />
            <source>Write a placeholder as {{column}}, and a literal brace as {{{{ or }}}}.</source>
            <translation>占位符写作 {{column}}，字面花括号写作 {{{{ 或 }}}}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/template.py" line="63" />
            <source>a }} closes no placeholder.</source>
            <translation>}} 没有对应的占位符。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/template.py" line="77" />
            <source>the placeholder opened here is not closed with }}.</source>
            <translation>此处开始的占位符没有用 }} 闭合。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/batch/template.py" line="85" />
            <source>{{}} names no column.</source>
            <translation>{{}} 没有指定列名。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/builtin_simulator.py" line="66" />
            <source>The built-in simulator's jobs are open in another Sora Desktop (a window or a command), so this job can't continue here.</source>
            <translation>内置模拟器的任务已在另一个 Sora Desktop（窗口或命令）中打开，因此此任务无法在这里继续。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/builtin_simulator.py" line="70" />
            <source>Let it finish there, or close the other one and resume this job.</source>
            <translation>请让它在那里完成，或关闭另一个后再继续此任务。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/builtin_simulator.py" line="78" />
            <source>Restart Sora Desktop; if it happens again, see the log.</source>
            <translation>请重新启动 Sora Desktop；如果再次出现，请查看日志。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/builtin_simulator.py" line="85" />
            <source>The built-in simulator no longer has this job (its saved jobs were removed, or it was made by an older version), so it can't be finished.</source>
            <translation>内置模拟器中已没有此任务（其保存的任务已被删除，或此任务由旧版本创建），因此无法完成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/builtin_simulator.py" line="89" />
            <source>Generate it again; the simulator costs nothing.</source>
            <translation>请重新生成；使用模拟器不产生任何费用。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/builtin_simulator.py" line="54" />
            <source>This job was made on the built-in simulator, which isn't running here.</source>
            <translation>此任务是在内置模拟器上创建的，而内置模拟器没有在这里运行。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/builtin_simulator.py" line="55" />
            <source>Open Sora Desktop or run: sora-desktop resume</source>
            <translation>请打开 Sora Desktop，或运行：sora-desktop resume</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/builtin_simulator.py" line="77" />
            <source>The built-in simulator could not start ({detail}).</source>
            <translation>内置模拟器无法启动（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="220" />
            <source>Pick one of these models.</source>
            <translation>请从这些模型中选择一个。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="145" />
            <source>The prompt is empty.</source>
            <translation>提示词为空。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="146" />
            <source>Describe the video you want: subject, scene, action, camera, lighting, style.</source>
            <translation>描述你想要的视频：主体、场景、动作、镜头、光线、风格。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="154" />
            <source>Shorten the prompt.</source>
            <translation>请缩短提示词。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="162" />
            <source>Pick one of the allowed sizes.</source>
            <translation>请选择一个允许的尺寸。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="170" />
            <source>Pick one of the allowed durations.</source>
            <translation>请选择一个允许的时长。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="176" />
            <source>Remove the image or pick another model.</source>
            <translation>请移除图片，或换一个模型。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="182" />
            <source>Continue the clip from its last frame instead.</source>
            <translation>改为从该片段的最后一帧接续。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="188" />
            <source>Pick another model to remix with.</source>
            <translation>请换一个模型进行再创作。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="217" />
            <source>This connection can't make videos with the model {model!r}. It serves: {allowed}.</source>
            <translation>此连接无法用模型 {model!r} 生成视频。它提供的模型：{allowed}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="151" />
            <source>The prompt has {count} characters; {model} accepts at most {limit}.</source>
            <translation>提示词有 {count} 个字符；{model} 最多接受 {limit} 个。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="159" />
            <source>{model} can't make {size!r} videos. Allowed sizes: {allowed}.</source>
            <translation>{model} 无法生成 {size!r} 尺寸的视频。允许的尺寸：{allowed}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="167" />
            <source>{model} can't make {seconds}-second videos. Allowed durations: {allowed} seconds.</source>
            <translation>{model} 无法生成 {seconds} 秒的视频。允许的时长：{allowed} 秒。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="175" />
            <source>{model} does not take a reference image.</source>
            <translation>{model} 不支持参考图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="181" />
            <source>{model} can't extend videos on this connection.</source>
            <translation>{model} 无法在此连接上延长视频。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="187" />
            <source>{model} can't remix videos.</source>
            <translation>{model} 无法对视频进行再创作。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/catalogue_model.py" line="127" />
            <source>Add a start image, or pick a model that also works from text.</source>
            <translation>请添加起始图片，或选择也能根据文字生成的模型。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/catalogue_model.py" line="136" />
            <source>Pick one of the allowed sizes, or add a start image.</source>
            <translation>请选择允许的尺寸之一，或添加起始图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/catalogue_model.py" line="156" />
            <source>An end image needs a start image too.</source>
            <translation>使用结束图片时也需要起始图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/catalogue_model.py" line="157" />
            <source>Add a start image, or remove the end image.</source>
            <translation>请添加起始图片，或移除结束图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/catalogue_model.py" line="151" />
            <source>Leave it out, or pick another model.</source>
            <translation>请不要设置此项，或选择其他模型。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/catalogue_model.py" line="126" />
            <source>{model} makes videos from a start image only.</source>
            <translation>{model} 只能根据起始图片生成视频。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/catalogue_model.py" line="132" />
            <source>{model} can't make {size!r} videos without a start image. Allowed sizes: {allowed}.</source>
            <translation>没有起始图片时，{model} 无法生成 {size!r} 的视频。允许的尺寸：{allowed}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/catalogue_model.py" line="148" />
            <source>{model} has no setting {setting!r}.</source>
            <translation>{model} 没有 {setting!r} 这项设置。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="101" />
            <source>Pick a JPEG, PNG or WebP image.</source>
            <translation>请选择 JPEG、PNG 或 WebP 图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="234" />
            <source>Check the base URL of this connection; a proxy or captive portal may be in the way.</source>
            <translation>请检查此连接的基础 URL；可能有代理或网络登录页面从中拦截。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="247" />
            <source>Check the base URL of this connection.</source>
            <translation>请检查此连接的基础 URL。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="280" />
            <source>Pick the image again.</source>
            <translation>请重新选择图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="98" />
            <source>The reference image {name!r} is not a JPEG, PNG or WebP file.</source>
            <translation>参考图片 {name!r} 不是 JPEG、PNG 或 WebP 文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="230" />
            <source>The server answered HTTP {status} with something that is not the video API (not JSON).</source>
            <translation>服务器返回了 HTTP {status}，但内容不是视频 API 的响应（不是 JSON）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="246" />
            <source>The server's answer is not a video object ({detail}).</source>
            <translation>服务器的响应不是视频对象（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="302" />
            <source>The server's answer is not a list of videos ({detail}).</source>
            <translation>服务器的响应不是视频列表（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="277" />
            <source>The reference image can't be read ({detail}).</source>
            <translation>无法读取参考图片（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/clipinfo.py" line="98" />
            <source>Check the file, or leave it out.</source>
            <translation>请检查该文件，或将其去掉。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/clipinfo.py" line="115" />
            <source>Check the path, or leave it out.</source>
            <translation>请检查路径，或将其去掉。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/clipinfo.py" line="93" />
            <source>The clip {name!r} can't be read as a video.</source>
            <translation>片段 {name!r} 无法作为视频读取。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/clipinfo.py" line="95" />
            <source>The clip {name!r} can't be read as a video ({detail}).</source>
            <translation>片段 {name!r} 无法作为视频读取（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/clipinfo.py" line="169" />
            <source>permission denied</source>
            <translation>权限被拒绝</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/clipinfo.py" line="114" />
            <source>The clip {name!r} can't be found ({path}).</source>
            <translation>找不到片段 {name!r}（{path}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/clipinfo.py" line="123" />
            <source>Pick a video clip.</source>
            <translation>请选择一个视频片段。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/clipinfo.py" line="122" />
            <source>The file {name!r} has no video.</source>
            <translation>文件 {name!r} 不含视频。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/clipinfo.py" line="138" />
            <source>its length is unknown</source>
            <translation>其时长未知</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/derived_jobs.py" line="49" />
            <source>This job is no longer in the library.</source>
            <translation>此任务已不在视频库中。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/derived_jobs.py" line="105" />
            <source>This job is still running; it can be sent again once it has ended.</source>
            <translation>此任务仍在运行；结束后才能再次发送。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/derived_jobs.py" line="106" />
            <source>Wait for it to finish, or cancel it first.</source>
            <translation>请等待其完成，或先将其取消。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="88" />
            <source>the result address {url!r} is not encrypted (https)</source>
            <translation>结果地址 {url!r} 未加密（不是 https）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="274" />
            <source>Generate a new video instead.</source>
            <translation>请改为生成一个新视频。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="283" />
            <source>Use Extend's continuation: a new shot from the last frame, joined to the clip.</source>
            <translation>请使用“延长”的接续方式：从最后一帧生成新镜头，再与原片段拼接。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="340" />
            <source>Pick a smaller image.</source>
            <translation>请选择一张更小的图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="83" />
            <source>the result address {url!r} is not a URL</source>
            <translation>结果地址 {url!r} 不是有效的网址</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="273" />
            <source>{provider} can't remix videos.</source>
            <translation>{provider} 无法混剪视频。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="282" />
            <source>{provider} can't extend videos directly.</source>
            <translation>{provider} 无法直接延长视频。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="295" />
            <source>The reply to this request was lost, and {provider} has no way to tell whether it arrived: the video may have been made, and charged.</source>
            <translation>此请求的回复丢失了，而 {provider} 无法告知请求是否已送达：视频可能已经生成并已计费。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="299" />
            <source>Look for it in your {provider} dashboard ({where}) before sending it again; sending again makes a new paid job.</source>
            <translation>再次发送前，请先在 {provider} 控制台（{where}）中查找；再次发送会创建一个新的付费任务。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="325" />
            <source>The image {name!r} is not a JPEG, PNG or WebP file.</source>
            <translation>图片 {name!r} 不是 JPEG、PNG 或 WebP 文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="337" />
            <source>The image {name!r} is too large for {provider} ({mb:.1f} MB), even as a JPEG.</source>
            <translation>图片 {name!r} 对 {provider} 来说太大（{mb:.1f} MB），即使转为 JPEG 也是如此。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="403" />
            <source>{provider} makes no thumbnail.</source>
            <translation>{provider} 不提供缩略图。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="421" />
            <source>{provider} sent a result the app won't fetch: {problem}.</source>
            <translation>{provider} 返回的结果本应用不会下载：{problem}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="424" />
            <source>Download it from your {provider} dashboard.</source>
            <translation>请从你的 {provider} 控制台下载。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="203" />
            <source>{provider} answered HTTP {status} with something that is not its API (not JSON).</source>
            <translation>{provider} 以 HTTP {status} 返回了不属于其 API 的内容（不是 JSON）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="318" />
            <source>The image can't be read ({detail}).</source>
            <translation>无法读取该图片（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="450" />
            <source>Generate it again; download promptly next time.</source>
            <translation>请重新生成；下次请及时下载。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/base.py" line="447" />
            <source>{provider}'s result file is no longer there (HTTP {status}).</source>
            <translation>{provider} 的结果文件已不存在（HTTP {status}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/errors.py" line="51" />
            <source>Change the prompt or the image: no real people, no copyrighted characters or music, content suitable for all ages.</source>
            <translation>请修改提示词或图片：不要涉及真实人物，不要有受版权保护的角色或音乐，内容须适合所有年龄段。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/errors.py" line="48" />
            <source>{provider} blocked this request for its content rules: {detail}</source>
            <translation>{provider} 因其内容规则拦截了此请求：{detail}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/errors.py" line="68" />
            <source>{provider} didn't take the image {name!r} for upload ({detail}). The video was not requested, so nothing was charged.</source>
            <translation>{provider} 未接收图片 {name!r} 的上传（{detail}）。视频尚未请求，因此没有产生任何费用。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/errors.py" line="72" />
            <source>Try again in a few minutes. If it keeps failing, use a smaller image: up to {mb:.1f} MB is sent without an upload.</source>
            <translation>请几分钟后重试。如果一直失败，请使用更小的图片：{mb:.1f} MB 以内的图片无需上传即可发送。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/errors.py" line="156" />
            <source>Check the settings.</source>
            <translation>请检查参数设置。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/errors.py" line="49" />
            <source>(no reason given)</source>
            <translation>（未说明原因）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/errors.py" line="153" />
            <source>{provider} refused the request: {detail}</source>
            <translation>{provider} 拒绝了此请求：{detail}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/errors.py" line="145" />
            <source>{provider} refused the field {param!r}: {detail}</source>
            <translation>{provider} 拒绝了字段 {param!r}：{detail}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/errors.py" line="148" />
            <source>Change the field '{param}' and try again.</source>
            <translation>请修改字段 '{param}' 后重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal.py" line="243" />
            <source>fal has no way to delete a request; its files expire by themselves.</source>
            <translation>fal 无法删除请求；其文件会自行过期。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal.py" line="244" />
            <source>Nothing to do here.</source>
            <translation>此处无需操作。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal.py" line="153" />
            <source>Extend it from its last frame instead.</source>
            <translation>请改为从它的最后一帧延长。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal.py" line="168" />
            <source>fal's answer to the create has no request id.</source>
            <translation>fal 对创建请求的回复中没有请求 ID。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal.py" line="230" />
            <source>fal's result has no video URL.</source>
            <translation>fal 的结果中没有视频地址。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal.py" line="231" />
            <source>The app will ask again.</source>
            <translation>应用会再次查询。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal.py" line="179" />
            <source>Waiting in fal's queue ({count} ahead).</source>
            <translation>正在 fal 的队列中等待（前面还有 {count} 个）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal.py" line="152" />
            <source>{model} has no extend endpoint of its own.</source>
            <translation>{model} 没有自己的延长端点。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal.py" line="263" />
            <source>Key</source>
            <translation>密钥</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal.py" line="263" />
            <source>accepted by fal</source>
            <translation>已被 fal 接受</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal.py" line="304" />
            <source>fal's upload address can't be used: {problem}.</source>
            <translation>fal 的上传地址无法使用：{problem}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal.py" line="313" />
            <source>fal's storage refused the file (HTTP {status}).</source>
            <translation>fal 的存储拒收了该文件（HTTP {status}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal.py" line="336" />
            <source>fal's storage refused the upload token (HTTP {status}).</source>
            <translation>fal 的存储拒绝了上传令牌（HTTP {status}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal_storage.py" line="91" />
            <source>fal's answer to the upload token request has no token.</source>
            <translation>fal 对上传令牌请求的回复中没有令牌。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal_storage.py" line="92" />
            <source>Try again later.</source>
            <translation>请稍后再试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal_storage.py" line="103" />
            <source>fal's answer to the upload has no file URL.</source>
            <translation>fal 对上传的回复中没有文件地址。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/fal_storage.py" line="115" />
            <source>fal's answer to the upload request is incomplete.</source>
            <translation>fal 对上传请求的回复不完整。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/replicate.py" line="210" />
            <source>Replicate has no way to delete a prediction; it removes API predictions after an hour.</source>
            <translation>Replicate 无法删除预测任务；它会在一小时后自动删除通过 API 创建的预测。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/replicate.py" line="94" />
            <source>Replicate's answer is not a prediction.</source>
            <translation>Replicate 的回复不是预测任务。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/replicate.py" line="159" />
            <source>Replicate's prediction has no output yet.</source>
            <translation>Replicate 的预测任务还没有输出。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/replicate.py" line="241" />
            <source>Replicate's answer to the upload has no file URL.</source>
            <translation>Replicate 对上传的回复中没有文件地址。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/replicate.py" line="153" />
            <source>Replicate has removed this prediction's files (after an hour).</source>
            <translation>Replicate 已删除此预测任务的文件（一小时后删除）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/replicate.py" line="154" />
            <source>Generate it again; the app downloads at once when it is running.</source>
            <translation>请重新生成；应用运行时会立即下载。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/replicate.py" line="222" />
            <source>Account</source>
            <translation>账户</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/replicate.py" line="222" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/replicate.py" line="120" />
            <source>Replicate stopped this prediction before it started (its deadline passed); it was not charged.</source>
            <translation>Replicate 在此预测任务开始前将其停止（已超过期限）；未计费。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/replicate.py" line="126" />
            <source>The prediction was cancelled at Replicate.</source>
            <translation>该预测任务已在 Replicate 上被取消。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/runway.py" line="101" />
            <source>Waiting in Runway's queue: your organisation is running as many tasks as its plan allows.</source>
            <translation>正在 Runway 的队列中等待：你的组织正在运行的任务数已达到套餐上限。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/runway.py" line="82" />
            <source>Runway's answer to the create has no task id.</source>
            <translation>Runway 对创建请求的回复中没有任务 ID。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/runway.py" line="92" />
            <source>Runway's answer is not a task.</source>
            <translation>Runway 的回复不是任务。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/runway.py" line="147" />
            <source>Runway's task has no output yet.</source>
            <translation>Runway 的任务还没有输出。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/runway.py" line="179" />
            <source>Runway's answer to the upload is incomplete.</source>
            <translation>Runway 对上传的回复不完整。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/runway.py" line="163" />
            <source>Credits</source>
            <translation>额度</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/runway.py" line="186" />
            <source>Runway's upload address can't be used: {problem}.</source>
            <translation>无法使用 Runway 的上传地址：{problem}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/dialects/runway.py" line="127" />
            <source>The task was cancelled at Runway.</source>
            <translation>该任务已在 Runway 上被取消。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="74" />
            <source>Check the library folder and the disk, then retry the download.</source>
            <translation>请检查视频库文件夹和磁盘，然后重新下载。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="63" />
            <source>Free some space, then retry the download.</source>
            <translation>请释放一些空间，然后重新下载。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="68" />
            <source>Fix the folder's permissions or choose another library folder, then retry.</source>
            <translation>请修正该文件夹的权限，或另选一个视频库文件夹，然后重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="240" />
            <source>The server sent a piece of the video that doesn't follow the part already downloaded.</source>
            <translation>服务器发来的视频片段与已下载的部分接不上。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="244" />
            <source>The download will start again from the beginning.</source>
            <translation>下载将从头重新开始。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="260" />
            <source>The app will resume it.</source>
            <translation>应用会继续下载。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="470" />
            <source>Try the download again later; if it keeps happening the video is broken on the server.</source>
            <translation>请稍后重新下载；如果反复出现，说明服务器上的视频已损坏。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="71" />
            <source>The video could not be written to disk{place}: {detail}.</source>
            <translation>视频无法写入磁盘{place}：{detail}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="62" />
            <source>The disk is full{place}; the video could not be saved.</source>
            <translation>磁盘已满{place}，视频无法保存。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="67" />
            <source>The library folder is not writable{place}.</source>
            <translation>视频库文件夹不可写入{place}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="257" />
            <source>The download was cut short ({done} of {total} bytes).</source>
            <translation>下载中途中断（已下载 {done} / {total} 字节）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="265" />
            <source>The server sent more bytes than it announced ({done} of {total}).</source>
            <translation>服务器发送的字节数超过了它声明的大小（{done} / {total}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="469" />
            <source>The server sent a file that is not an MP4 video ({detail}).</source>
            <translation>服务器发来的文件不是 MP4 视频（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/entra.py" line="143" />
            <source>To sign in with Microsoft Entra ID, open {uri} and enter the code {code}</source>
            <translation>要使用 Microsoft Entra ID 登录，请打开 {uri} 并输入代码 {code}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/entra.py" line="157" />
            <source>Microsoft Entra ID sign-in needs the azure-identity package, which is missing.</source>
            <translation>Microsoft Entra ID 登录需要 azure-identity 软件包，但它缺失了。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/entra.py" line="158" />
            <source>Reinstall Sora Desktop, or use an API key for this connection.</source>
            <translation>请重新安装 Sora Desktop，或为此连接改用 API 密钥。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/entra.py" line="91" />
            <source>Sign in again with an account that has the Cognitive Services OpenAI User role on this resource, or use an API key.</source>
            <translation>请用在此资源上拥有“Cognitive Services OpenAI User”角色的账户重新登录，或改用 API 密钥。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/entra.py" line="88" />
            <source>Signing in with Microsoft Entra ID failed ({reason}).</source>
            <translation>使用 Microsoft Entra ID 登录失败（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="175" />
            <source>Choose a folder you may write to.</source>
            <translation>请选择一个有写入权限的文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="290" />
            <source>Close the program that uses it (a video player or editor) and export again.</source>
            <translation>请关闭正在使用它的程序（视频播放器或编辑器），然后重新导出。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="169" />
            <source>Free some space or choose another folder.</source>
            <translation>请释放一些空间，或另选一个文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="206" />
            <source>Choose a folder to export to.</source>
            <translation>请选择要导出到的文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="256" />
            <source>Choose a folder with a shorter path.</source>
            <translation>请选择路径更短的文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="360" />
            <source>Download it again from the library if it has not expired.</source>
            <translation>如果尚未过期，请从视频库中重新下载。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="83" />
            <source>The file name template {template!r} can't be used: {why}.</source>
            <translation>无法使用文件名模板 {template!r}：{why}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="86" />
            <source>Use only these fields: {fields} ({{prompt:N}} keeps the first N characters of the prompt).</source>
            <translation>只能使用这些字段：{fields}（{{prompt:N}} 保留提示词的前 N 个字符）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="172" />
            <source>Can't write to the folder {folder} ({detail}).</source>
            <translation>无法写入文件夹 {folder}（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="200" />
            <source>Choose a folder on a connected drive.</source>
            <translation>请选择已连接磁盘上的文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="287" />
            <source>The clip {path} can't be read ({detail}); another program may be holding it open.</source>
            <translation>无法读取片段 {path}（{detail}）；可能有其他程序正在打开它。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="168" />
            <source>The disk holding {folder} is full; nothing was exported.</source>
            <translation>{folder} 所在的磁盘已满，未导出任何文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="205" />
            <source>{path} is a file, not a folder.</source>
            <translation>{path} 是文件，不是文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="215" />
            <source>The folder {folder} can't be created: {parent} is read-only.</source>
            <translation>无法创建文件夹 {folder}：{parent} 是只读的。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="252" />
            <source>The path of the folder {folder} is too long: a clip's full path there would pass the {limit} characters Windows programs can open.</source>
            <translation>文件夹 {folder} 的路径太长：片段在其中的完整路径会超过 Windows 程序能打开的 {limit} 个字符。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="357" />
            <source>The video file of this job is not on disk ({detail}).</source>
            <translation>此任务的视频文件不在磁盘上（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="197" />
            <source>The folder {folder} can't be created: its drive is not there.</source>
            <translation>无法创建文件夹 {folder}：所在的磁盘不存在。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="211" />
            <source>The folder {folder} is read-only.</source>
            <translation>文件夹 {folder} 是只读的。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="234" />
            <source>The folder {folder} can't be created ({detail}).</source>
            <translation>无法创建文件夹 {folder}（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="358" />
            <source>never downloaded</source>
            <translation>从未下载</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="119" />
            <source>there is no field {{{field}}}</source>
            <translation>没有 {{{field}}} 这个字段</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="111" />
            <source>{{prompt:{spec}}} needs a number</source>
            <translation>{{prompt:{spec}}} 需要一个数字</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/extend.py" line="84" />
            <source>Only a finished video can be continued.</source>
            <translation>只有已完成的视频才能接续。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/extend.py" line="85" />
            <source>Wait until the video is ready.</source>
            <translation>请等到视频完成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/extend.py" line="91" />
            <source>The video file of this clip is not on disk ({path}).</source>
            <translation>该片段的视频文件不在磁盘上（{path}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/filenames.py" line="241" />
            <source>Windows drops a dot or space at the end of a name</source>
            <translation>Windows 会去掉名称末尾的句点或空格</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/filenames.py" line="231" />
            <source>it is longer than the {limit} bytes a file name may have (a Chinese character takes 3)</source>
            <translation>它超过了文件名允许的 {limit} 字节（一个汉字占 3 字节）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/filenames.py" line="239" />
            <source>Windows does not allow {chars} in a file name</source>
            <translation>Windows 不允许文件名中含有 {chars}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/filenames.py" line="243" />
            <source>Windows keeps {name} for a device</source>
            <translation>Windows 将 {name} 保留给设备使用</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/filenames.py" line="263" />
            <source>Choose another name.</source>
            <translation>请换一个名称。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/filenames.py" line="228" />
            <source>it is longer than the {limit} characters a file name may have</source>
            <translation>它超过了文件名允许的 {limit} 个字符</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/filenames.py" line="260" />
            <source>The name {name!r} can't be used: {problem}.</source>
            <translation>名称 {name!r} 无法使用：{problem}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/frames.py" line="118" />
            <source>no frame could be decoded</source>
            <translation>无法解码任何帧</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/frames.py" line="232" />
            <source>Give a time from 0 seconds on.</source>
            <translation>请给出从 0 秒起的时间。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/frames.py" line="270" />
            <source>Check that the folder exists and is writable, and that the disk has space.</source>
            <translation>请检查文件夹是否存在且可写，以及磁盘是否有空间。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/frames.py" line="231" />
            <source>The time {seconds} is not a position in the clip.</source>
            <translation>时间 {seconds} 不是片段中的位置。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/frames.py" line="267" />
            <source>The picture could not be saved to {path} ({detail}).</source>
            <translation>图片无法保存到 {path}（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="62" />
            <source>Pick a size like 720x1280.</source>
            <translation>请选择类似 720x1280 的尺寸。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="109" />
            <source>Pick a smaller image or save it at a lower resolution.</source>
            <translation>请选择更小的图片，或以更低的分辨率保存。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="188" />
            <source>Choose fit or crop.</source>
            <translation>请选择适应或裁剪。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="61" />
            <source>{size!r} is not a video size.</source>
            <translation>{size!r} 不是有效的视频尺寸。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="134" />
            <source>Pick a smaller image or scale it down first.</source>
            <translation>请选择更小的图片，或先将其缩小。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="152" />
            <source>The image is {image_width}x{image_height}; the video is {width}x{height}.</source>
            <translation>图片为 {image_width}x{image_height}，视频为 {width}x{height}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="243" />
            <source>Check that the app's data folder is writable and the disk has space.</source>
            <translation>请确认应用的数据文件夹可写入，且磁盘有剩余空间。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="99" />
            <source>{name!r} is not an image file.</source>
            <translation>{name!r} 不是图片文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="101" />
            <source>The image {name!r} is empty.</source>
            <translation>图片 {name!r} 是空的。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="104" />
            <source>The image {name!r} is too large ({megabytes:.0f} MB; at most {limit} MB).</source>
            <translation>图片 {name!r} 太大（{megabytes:.0f} MB；最多 {limit} MB）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="147" />
            <source>Pick another image.</source>
            <translation>请选择其他图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="187" />
            <source>Unknown image mode {mode!r}.</source>
            <translation>未知的图片处理方式 {mode!r}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="89" />
            <source>The image {name!r} can't be found.</source>
            <translation>找不到图片 {name!r}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="94" />
            <source>The image {name!r} can't be read ({detail}).</source>
            <translation>无法读取图片 {name!r}（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="131" />
            <source>The image {name!r} has too many pixels (at most {limit} megapixels).</source>
            <translation>图片 {name!r} 像素过多（最多 {limit}00 万像素）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="138" />
            <source>{name!r} is not an image this app can read; use JPEG, PNG or WebP.</source>
            <translation>本应用无法读取图片 {name!r}；请使用 JPEG、PNG 或 WebP。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="143" />
            <source>The image {name!r} can't be read (permission denied).</source>
            <translation>无法读取图片 {name!r}（权限不足）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="146" />
            <source>The image {name!r} is damaged or incomplete.</source>
            <translation>图片 {name!r} 已损坏或不完整。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="240" />
            <source>The converted image could not be saved ({detail}).</source>
            <translation>无法保存转换后的图片（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="118" />
            <source>{format} images are not supported ({name!r}); use JPEG, PNG or WebP.</source>
            <translation>不支持 {format} 格式的图片（{name!r}）；请使用 JPEG、PNG 或 WebP。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_control.py" line="27" />
            <source>Cancelled here. A render the service already started keeps running and may still be billed.</source>
            <translation>已在本机取消。服务端已开始的渲染会继续运行，仍可能产生费用。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_control.py" line="31" />
            <source>Cancelled here and at the service. What it had already rendered may still be billed.</source>
            <translation>已在本应用和服务端取消。服务已渲染的部分仍可能计费。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_errors.py" line="25" />
            <source>The job did not finish.</source>
            <translation>任务未能完成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_locks.py" line="28" />
            <source>Another Sora Desktop (a window or the command line) is working on this job right now; it continues here if that one stops.</source>
            <translation>另一个 Sora Desktop（一个窗口或命令行）正在处理这个任务；如果它停止，这里会接着完成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_rules.py" line="39" />
            <source>This job never reached the service, so it can't be remixed.</source>
            <translation>此任务从未送达服务，因此无法再创作。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_rules.py" line="40" />
            <source>Remix a finished video.</source>
            <translation>请对已完成的视频进行再创作。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_rules.py" line="49" />
            <source>Remix another video, or generate this one again from its prompt.</source>
            <translation>请对其他视频进行再创作，或用它的提示词重新生成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_rules.py" line="54" />
            <source>Only a finished video can be remixed.</source>
            <translation>只有已完成的视频才能再创作。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_rules.py" line="55" />
            <source>Wait until the video is ready, or remix another one.</source>
            <translation>请等待视频完成，或对其他视频进行再创作。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_rules.py" line="66" />
            <source>This job never reached the service, so the service can't extend it.</source>
            <translation>此任务从未到达服务，因此服务无法延长它。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_rules.py" line="67" />
            <source>Continue it from its last frame instead.</source>
            <translation>改为从其最后一帧接续。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_rules.py" line="81" />
            <source>Only a finished video can be extended.</source>
            <translation>只有已完成的视频才能延长。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_rules.py" line="92" />
            <source>This job never reached the service, so there is nothing to delete there.</source>
            <translation>此任务从未送达服务，服务端没有可删除的内容。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_rules.py" line="45" />
            <source>This video was deleted from the service on {when}, so it can't be remixed there any more.</source>
            <translation>此视频已于 {when} 从服务端删除，因此无法再在服务端进行再创作。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_rules.py" line="72" />
            <source>This video was deleted from the service on {when}, so the service can't extend it any more.</source>
            <translation>此视频已于 {when} 从服务中删除，因此服务无法再延长它。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/job_rules.py" line="98" />
            <source>This video was already deleted from the service on {when}.</source>
            <translation>此视频已于 {when} 从服务端删除。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobref.py" line="62" />
            <source>The id is in the file name of an export and in its .json file.</source>
            <translation>ID 写在导出文件的文件名及其 .json 文件中。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobref.py" line="90" />
            <source>{ref!r} fits more than {count} jobs, e.g. {jobs}.</source>
            <translation>{ref!r} 与超过 {count} 个任务相符，例如 {jobs}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobref.py" line="92" />
            <source>{ref!r} fits {count} jobs: {jobs}.</source>
            <translation>{ref!r} 与 {count} 个任务相符：{jobs}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobref.py" line="96" />
            <source>Give at least {count} characters of the id, e.g. one of those shown.</source>
            <translation>请至少输入 ID 的 {count} 个字符，例如上面列出的某一个。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobref.py" line="68" />
            <source>{ref!r} is too short to name a job: give at least {count} characters of its id.</source>
            <translation>{ref!r} 太短，无法确定任务：请至少输入 ID 的 {count} 个字符。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobref.py" line="80" />
            <source>There is no job {ref!r} in the library.</source>
            <translation>媒体库中没有任务 {ref!r}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="43" />
            <source>The service blocked this prompt or image for its content rules.</source>
            <translation>服务依据其内容规则拦截了此提示词或图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="44" />
            <source>Rephrase the prompt: no real people, copyrighted characters or music, and content suitable for all ages.</source>
            <translation>请改写提示词：不要涉及真实人物、受版权保护的角色或音乐，内容须适合所有年龄段。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="48" />
            <source>The service no longer keeps this video, so it can't be downloaded any more.</source>
            <translation>服务已不再保留此视频，因此无法再下载。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="49" />
            <source>The app never re-creates a paid job to recover a download; generate again only if you want a new clip.</source>
            <translation>应用绝不会为了找回下载而重新创建付费任务；只有在你想要一段新视频时才需重新生成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="58" />
            <source>Can't reach the service: trying again</source>
            <translation>无法连接到服务：正在重试</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="59" />
            <source>Waiting in line: {limit} jobs are already being made on this connection (at most {limit} at once); this one is sent when one of them is done.</source>
            <translation>排队等候：此连接上已有 {limit} 个任务正在制作（同时最多 {limit} 个）；其中一个完成后即发送此任务。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="147" />
            <source>The service could not make this video.</source>
            <translation>服务未能生成此视频。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="150" />
            <source>Try again, or change the prompt or settings.</source>
            <translation>请重试，或修改提示词或参数。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="145" />
            <source>The service could not make this video: {detail}</source>
            <translation>服务未能生成此视频：{detail}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="138" />
            <source>{provider} could not make this video: {detail}</source>
            <translation>{provider} 无法生成此视频：{detail}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="301" />
            <source>The service has no record of this request, and it was sent too long ago to send it again safely.</source>
            <translation>服务没有此请求的记录，而且它发送的时间太久，无法安全地重新发送。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="305" />
            <source>Generate it again if you still want it.</source>
            <translation>如果仍然需要，请重新生成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/migrations.py" line="340" />
            <source>Update Sora Desktop, or open another library folder with --data-dir.</source>
            <translation>请更新 Sora Desktop，或用 --data-dir 打开另一个视频库文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/migrations.py" line="336" />
            <source>The library was written by a newer version of Sora Desktop (schema {schema}; this version knows up to {known}).</source>
            <translation>此视频库由更新版本的 Sora Desktop 写入（数据结构版本 {schema}；当前版本最高支持 {known}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="83" />
            <source>Simulator (this computer)</source>
            <translation>模拟器（本机）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="156" />
            <source>The profile has no name.</source>
            <translation>此连接没有名称。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="156" />
            <source>Give it a name.</source>
            <translation>请为它命名。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="162" />
            <source>Give it a shorter name.</source>
            <translation>请使用更短的名称。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="167" />
            <source>The name contains a line break, a tab or another control character.</source>
            <translation>名称中含有换行符、制表符或其他控制字符。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="168" />
            <source>Give it a name on one line.</source>
            <translation>请使用单行名称。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="196" />
            <source>The Azure endpoint is empty.</source>
            <translation>Azure 终结点为空。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="197" />
            <source>Enter the resource name or the endpoint shown in the Azure portal.</source>
            <translation>请输入 Azure 门户中显示的资源名称或终结点。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="216" />
            <source>Enter the endpoint shown in the Azure portal, e.g. https://NAME.openai.azure.com.</source>
            <translation>请输入 Azure 门户中显示的终结点，例如 https://NAME.openai.azure.com。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="271" />
            <source>Use make_profile_id().</source>
            <translation>请使用 make_profile_id()。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="282" />
            <source>Enter the base URL, e.g. https://my-gateway.example.com/v1 (http:// only for this computer: 127.0.0.1, localhost).</source>
            <translation>请输入基础 URL，例如 https://my-gateway.example.com/v1（仅本机地址 127.0.0.1、localhost 可用 http://）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="291" />
            <source>Use https://; plain http is only allowed for this computer (127.0.0.1, localhost).</source>
            <translation>请使用 https://；未加密的 http 只允许用于本机（127.0.0.1、localhost）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="297" />
            <source>Use letters, digits and underscores, e.g. OPENAI_API_KEY.</source>
            <translation>请使用字母、数字和下划线，例如 OPENAI_API_KEY。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="357" />
            <source>Export the profile again and import that file.</source>
            <translation>请重新导出该连接配置，再导入导出的文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="159" />
            <source>The name has {count} characters; a connection's name may have at most {limit}.</source>
            <translation>名称有 {count} 个字符；连接名称最多 {limit} 个字符。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="178" />
            <source>Pick another name, or edit the existing connection.</source>
            <translation>请换一个名称，或编辑已有的连接。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="215" />
            <source>{text!r} is not a web address.</source>
            <translation>{text!r} 不是网址。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="270" />
            <source>{id!r} is not a valid profile id.</source>
            <translation>{id!r} 不是有效的连接 ID。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="290" />
            <source>The base URL {url!r} is not encrypted (http).</source>
            <translation>基础 URL {url!r} 未加密（http）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="296" />
            <source>{text!r} is not an environment variable name.</source>
            <translation>{text!r} 不是有效的环境变量名。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="175" />
            <source>There is already a connection named {name!r} (id {id}).</source>
            <translation>已有名为 {name!r} 的连接（ID {id}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="203" />
            <source>{text!r} is not an Azure resource name (letters, digits and hyphens).</source>
            <translation>{text!r} 不是 Azure 资源名称（只能包含字母、数字和连字符）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="356" />
            <source>This is not a Sora Desktop profile ({detail}).</source>
            <translation>这不是 Sora Desktop 的连接配置（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/provider_extend.py" line="71" />
            <source>Export a shorter or smaller copy and extend that, or extend it from its last frame (a continuation), which sends only one picture.</source>
            <translation>导出一个更短或更小的副本再延长它，或从最后一帧延长（续接生成），那样只发送一张图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/provider_extend.py" line="130" />
            <source>Pick one of the lengths it adds.</source>
            <translation>请选择它可以增加的时长之一。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/provider_extend.py" line="143" />
            <source>The extension names no clip to extend.</source>
            <translation>此延长请求没有指定要延长的片段。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/provider_extend.py" line="144" />
            <source>Extend a clip from the library.</source>
            <translation>请从视频库中选择片段进行延长。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/provider_extend.py" line="67" />
            <source>This clip is {size} MB; the model's extend endpoint takes at most {limit} MB sent from this computer.</source>
            <translation>此片段为 {size} MB；该模型的延长端点最多接受从本机发送的 {limit} MB。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/provider_extend.py" line="190" />
            <source>This model has no extend endpoint of its own.</source>
            <translation>此模型没有自己的延长端点。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/provider_extend.py" line="125" />
            <source>{model}'s extend endpoint adds {allowed} seconds, not {seconds}.</source>
            <translation>{model} 的延长端点只能增加 {allowed} 秒，不能增加 {seconds} 秒。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/provider_extend.py" line="135" />
            <source>{model}'s extend endpoint takes {allowed} clips, not {size}.</source>
            <translation>{model} 的延长端点接受 {allowed} 的片段，不接受 {size}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/qt_pair.py" line="64" />
            <source>Install a PySide6 older than 6.12 (pip install "PySide6-Essentials&lt;6.12" "PySide6-Addons&lt;6.12"), or run the app on Python 3.12 or newer.</source>
            <translation>请安装低于 6.12 的 PySide6（pip install "PySide6-Essentials&lt;6.12" "PySide6-Addons&lt;6.12"），或在 Python 3.12 及更高版本上运行本应用。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/qt_pair.py" line="60" />
            <source>PySide6 {pyside} does not work with Python {python}: the app would crash after a few minutes, so it does not start.</source>
            <translation>PySide6 {pyside} 无法与 Python {python} 一起使用：应用会在几分钟后崩溃，因此不会启动。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/reconcile.py" line="27" />
            <source>Checking whether the earlier send reached the service</source>
            <translation>正在确认之前发送的请求是否已到达服务</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/request_checks.py" line="95" />
            <source>Fit or crop the image to the video size first.</source>
            <translation>请先将图片适应或裁剪到视频尺寸。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/request_checks.py" line="92" />
            <source>The image is {width}x{height}; the video is {size}.</source>
            <translation>图片为 {width}x{height}，视频为 {size}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/retry.py" line="36" />
            <source>Only a job that failed, expired or was cancelled can be retried.</source>
            <translation>只有失败、过期或已取消的任务才能重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/retry.py" line="45" />
            <source>Put the image back there, or reuse the prompt and choose the image again.</source>
            <translation>请把图片放回原处，或者重用提示词并重新选择图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/retry.py" line="42" />
            <source>The reference image of this job is no longer on this computer: {path}</source>
            <translation>这个任务的参考图片已不在这台电脑上：{path}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/secrets.py" line="38" />
            <source>Key from environment variable</source>
            <translation>从环境变量读取密钥</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/secrets.py" line="118" />
            <source>The OS keyring is not available, so the API key can't be stored or read there ({reason}).</source>
            <translation>系统钥匙串不可用，无法在其中保存或读取 API 密钥（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/secrets.py" line="108" />
            <source>Put the key in an environment variable (for example OPENAI_API_KEY) and enter its name in the "{option}" option of the profile {profile!r}.</source>
            <translation>请把密钥放入环境变量（例如 OPENAI_API_KEY），并在连接 {profile!r} 的“{option}”选项中填写该变量名。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/secrets.py" line="113" />
            <source>Put the key in an environment variable (for example OPENAI_API_KEY) and enter its name in the "{option}" option of the profile.</source>
            <translation>请把密钥放入环境变量（例如 OPENAI_API_KEY），并在该连接的“{option}”选项中填写该变量名。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="72" />
            <source>The app stopped retrying for now; the job is kept and continues the next time the app starts (or with: sora-desktop resume).</source>
            <translation>应用暂时停止了重试；任务已保留，会在下次启动应用时继续（或使用：sora-desktop resume）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="77" />
            <source>The app stopped retrying. The service did not take the request, so nothing was charged; generate it again later.</source>
            <translation>应用已停止重试。服务没有接受这个请求，因此没有产生任何费用；请稍后重新生成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="322" />
            <source>Check the disk and the folder's permissions, then resume.</source>
            <translation>请检查磁盘和该文件夹的权限，然后继续任务。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="397" />
            <source>See the log.</source>
            <translation>详情请查看日志。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="321" />
            <source>The app can't write in its data folder ({detail}).</source>
            <translation>应用无法写入它的数据文件夹（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="396" />
            <source>Unexpected problem: {name}.</source>
            <translation>意外问题：{name}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="315" />
            <source>A crossfade needs the film to be re-encoded.</source>
            <translation>交叉淡化需要重新编码整部影片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="100" />
            <source>clip {number} ({name})</source>
            <translation>片段 {number}（{name}）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="117" />
            <source>video codec</source>
            <translation>视频编解码器</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="121" />
            <source>size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="123" />
            <source>pixel format</source>
            <translation>像素格式</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="125" />
            <source>frame rate</source>
            <translation>帧率</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="180" />
            <source>There are no clips to join.</source>
            <translation>没有可拼接的片段。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="180" />
            <source>Give at least one clip.</source>
            <translation>请至少提供一个片段。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="185" />
            <source>The crossfade can't be negative.</source>
            <translation>交叉淡化时长不能为负数。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="185" />
            <source>Give 0 or more seconds.</source>
            <translation>请给出 0 秒或更长。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="212" />
            <source>Name the output file with .mp4 at the end.</source>
            <translation>请将输出文件命名为以 .mp4 结尾。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="222" />
            <source>Choose another file name, or allow replacing it.</source>
            <translation>请选择其他文件名，或允许替换它。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="236" />
            <source>Create it first, or choose another folder.</source>
            <translation>请先创建它，或选择其他文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="272" />
            <source>Leave out the clips that differ, or allow re-encoding.</source>
            <translation>请去掉不一致的片段，或允许重新编码。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="339" />
            <source>Stitching was cancelled; no film was written.</source>
            <translation>拼接已取消；未写入任何影片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="78" />
            <source>Joined {count} clips, re-encoded to the first clip's format: {why}</source>
            <translation>已拼接 {count} 个片段，并重新编码为第一个片段的格式：{why}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="119" />
            <source>video profile</source>
            <translation>视频配置文件（profile）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="195" />
            <source>Use at most half the shortest clip's length.</source>
            <translation>最多使用最短片段时长的一半。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="230" />
            <source>Choose another file name.</source>
            <translation>请选择其他文件名。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="295" />
            <source>Check that the folder is writable and the disk has space.</source>
            <translation>请检查文件夹是否可写以及磁盘是否有空间。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="300" />
            <source>Check the clips: one of them may be damaged.</source>
            <translation>请检查这些片段：其中之一可能已损坏。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="77" />
            <source>Joined {count} clips without re-encoding.</source>
            <translation>已拼接 {count} 个片段，未重新编码。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="111" />
            <source>{clip} has {what} {theirs}, the first clip {mine}.</source>
            <translation>{clip} 的{what}为 {theirs}，第一个片段为 {mine}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="128" />
            <source>{clip} was encoded with other settings (its codec parameters differ).</source>
            <translation>{clip} 使用了不同的编码设置（其编解码参数不同）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="141" />
            <source>audio codec</source>
            <translation>音频编解码器</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="143" />
            <source>sample rate</source>
            <translation>采样率</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="145" />
            <source>audio channels</source>
            <translation>声道数</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="211" />
            <source>The film must be an .mp4 or .mov file ({name!r}).</source>
            <translation>影片必须是 .mp4 或 .mov 文件（{name!r}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="221" />
            <source>{name!r} already exists.</source>
            <translation>{name!r} 已存在。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="235" />
            <source>The folder {folder} does not exist.</source>
            <translation>文件夹 {folder} 不存在。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="269" />
            <source>These clips can't be joined without re-encoding: {why}</source>
            <translation>这些片段不重新编码就无法拼接：{why}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="276" />
            <source>Re-encoding was asked for.</source>
            <translation>已要求重新编码。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="135" />
            <source>{clip} has sound and the first clip none.</source>
            <translation>{clip} 有声音，而第一个片段没有。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="137" />
            <source>{clip} has no sound and the first clip has.</source>
            <translation>{clip} 没有声音，而第一个片段有。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="191" />
            <source>A {seconds:g} s crossfade is too long: the shortest clip lasts {shortest:.2f} s.</source>
            <translation>{seconds:g} 秒的交叉淡化太长：最短的片段只有 {shortest:.2f} 秒。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="229" />
            <source>The film can't replace one of its own clips ({name!r}).</source>
            <translation>影片不能替换它自己的片段之一（{name!r}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="292" />
            <source>The film could not be written to {folder} ({detail}).</source>
            <translation>影片无法写入 {folder}（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="299" />
            <source>The clips could not be joined ({detail}).</source>
            <translation>无法拼接这些片段（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/stitch.py" line="147" />
            <source>{clip} has sound encoded with other settings.</source>
            <translation>{clip} 的声音使用了不同的编码设置。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store_errors.py" line="25" />
            <source>Check that the folder exists and that you may write to it, or choose another library folder with --data-dir.</source>
            <translation>请确认该文件夹存在且你有写入权限，或用 --data-dir 另选一个视频库文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store_errors.py" line="36" />
            <source>Sora Desktop can move it aside and start an empty library; your video files are not touched.</source>
            <translation>Sora Desktop 可以把它移到一旁并新建一个空的视频库；你的视频文件不会受影响。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store_errors.py" line="82" />
            <source>Close other copies of Sora Desktop and try again.</source>
            <translation>请关闭其他正在运行的 Sora Desktop，然后重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store_errors.py" line="91" />
            <source>Free some space and try again.</source>
            <translation>请释放一些空间，然后重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store_errors.py" line="33" />
            <source>The library database {path} is damaged and can't be read ({detail}).</source>
            <translation>视频库数据库 {path} 已损坏，无法读取（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store_errors.py" line="45" />
            <source>The library folder {folder} is read-only or locked, so the library can't be opened ({detail}).</source>
            <translation>视频库文件夹 {folder} 是只读的或已被锁定，无法打开视频库（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store_errors.py" line="94" />
            <source>The library database {path} failed: {detail}.</source>
            <translation>视频库数据库 {path} 出错：{detail}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store_errors.py" line="79" />
            <source>The library database {path} is locked by another program ({detail}).</source>
            <translation>视频库数据库 {path} 被其他程序锁定（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store_errors.py" line="88" />
            <source>The disk holding the library {path} is full ({detail}).</source>
            <translation>视频库 {path} 所在的磁盘已满（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="240" />
            <source>Check the file, or save the storyboard again from Sora Desktop.</source>
            <translation>请检查该文件，或从 Sora Desktop 重新保存故事板。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="264" />
            <source>shot {number}</source>
            <translation>第 {number} 个镜头</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="266" />
            <source>it is not an object.</source>
            <translation>它不是一个对象。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="269" />
            <source>'seconds' must be a whole number of seconds.</source>
            <translation>“seconds”必须是整数秒。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="272" />
            <source>'start' must be an object.</source>
            <translation>“start”必须是一个对象。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="279" />
            <source>'fit' must be "fit" or "crop".</source>
            <translation>“fit”必须是 "fit" 或 "crop"。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="291" />
            <source>'recipe' must be an object.</source>
            <translation>“recipe”必须是一个对象。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="315" />
            <source>it is not a Sora Desktop storyboard.</source>
            <translation>它不是 Sora Desktop 故事板。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="318" />
            <source>it has no format version.</source>
            <translation>它没有格式版本。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="325" />
            <source>Update Sora Desktop to open it.</source>
            <translation>请更新 Sora Desktop 后再打开它。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="330" />
            <source>'shots' must be a list.</source>
            <translation>“shots”必须是一个列表。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="334" />
            <source>two shots have the same id.</source>
            <translation>有两个镜头的 id 相同。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="366" />
            <source>Give the storyboard's .json file.</source>
            <translation>请给出故事板的 .json 文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="237" />
            <source>{where}: {why}</source>
            <translation>{where}：{why}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="239" />
            <source>This storyboard file can't be read: {why}</source>
            <translation>无法读取此故事板文件：{why}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="286" />
            <source>every take needs its 'job' id.</source>
            <translation>每个镜次都需要其“job” id。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="336" />
            <source>the storyboard</source>
            <translation>故事板</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="374" />
            <source>Check the path.</source>
            <translation>请检查路径。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="382" />
            <source>Check the file's permissions.</source>
            <translation>请检查文件的权限。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="388" />
            <source>it is not valid JSON.</source>
            <translation>它不是有效的 JSON。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="248" />
            <source>{key!r} must be text.</source>
            <translation>{key!r} 必须是文本。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="321" />
            <source>This storyboard was saved by a newer version of Sora Desktop (format {version}; this version reads up to {known}).</source>
            <translation>此故事板由更新版本的 Sora Desktop 保存（格式 {version}；此版本最多可读取格式 {known}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="365" />
            <source>{name!r} is a folder, not a storyboard file.</source>
            <translation>{name!r} 是文件夹，不是故事板文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="276" />
            <source>unknown start {kind!r}.</source>
            <translation>未知的起始方式 {kind!r}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="352" />
            <source>The storyboard could not be saved to {path} ({detail}).</source>
            <translation>故事板无法保存到 {path}（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="373" />
            <source>The storyboard file {name!r} can't be found.</source>
            <translation>找不到故事板文件 {name!r}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard.py" line="379" />
            <source>The storyboard file {name!r} can't be read ({detail}).</source>
            <translation>无法读取故事板文件 {name!r}（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard_plan.py" line="99" />
            <source>its video file is missing</source>
            <translation>其视频文件缺失</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard_plan.py" line="260" />
            <source>The storyboard has no shots.</source>
            <translation>故事板中没有镜头。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard_plan.py" line="260" />
            <source>Add a shot first.</source>
            <translation>请先添加一个镜头。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard_plan.py" line="106" />
            <source>shot {number} ({name})</source>
            <translation>第 {number} 个镜头（{name}）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard_plan.py" line="215" />
            <source>Pick its start image again.</source>
            <translation>请重新选择其起始图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard_plan.py" line="254" />
            <source>Generate the missing shots first.</source>
            <translation>请先生成缺失的镜头。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard_plan.py" line="137" />
            <source>The first shot has no shot before it to continue from; give it a start image or none.</source>
            <translation>第一个镜头之前没有可接续的镜头；请为它指定起始图片，或不使用起始图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard_plan.py" line="229" />
            <source>Wait for the shot before it, or generate that shot first.</source>
            <translation>请等待前一个镜头完成，或先生成那个镜头。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard_plan.py" line="173" />
            <source>its take failed ({detail}); generate it again.</source>
            <translation>其镜次失败（{detail}）；请重新生成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard_plan.py" line="214" />
            <source>{shot} has no start image file.</source>
            <translation>{shot} 没有起始图片文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard_plan.py" line="253" />
            <source>{shot} has no finished take yet.</source>
            <translation>{shot} 还没有完成的镜次。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard_plan.py" line="149" />
            <source>Waits for the take of {shot} to finish.</source>
            <translation>等待 {shot} 的镜次完成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard_plan.py" line="155" />
            <source>Waits for {shot}, which has not been made yet.</source>
            <translation>等待 {shot}，它尚未生成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard_plan.py" line="228" />
            <source>{shot} can't start yet.</source>
            <translation>{shot} 还不能开始。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/storyboard_plan.py" line="163" />
            <source>Can't continue from {shot}: {detail}</source>
            <translation>无法从 {shot} 接续：{detail}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/timeline.py" line="127" />
            <source>Choose otio, fcpxml or edl.</source>
            <translation>请选择 otio、fcpxml 或 edl。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/timeline.py" line="74" />
            <source>Shots</source>
            <translation>镜头</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/timeline.py" line="171" />
            <source>storyboard</source>
            <translation>故事板</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/timeline.py" line="73" />
            <source>Storyboard</source>
            <translation>故事板</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/timeline.py" line="126" />
            <source>Unknown timeline format {format!r}.</source>
            <translation>未知的时间线格式 {format!r}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/timeline.py" line="83" />
            <source>Shot {number}</source>
            <translation>镜头 {number}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/timeline.py" line="213" />
            <source>The timeline needs one clip per shot ({shots} shots, {clips} clips).</source>
            <translation>时间线需要每个镜头一个片段（{shots} 个镜头，{clips} 个片段）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/timeline.py" line="233" />
            <source>The timeline could not be written to {folder} ({detail}).</source>
            <translation>时间线无法写入 {folder}（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/timeline.py" line="161" />
            <source>shot</source>
            <translation>镜头</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="158" />
            <source>The connection to the server broke.</source>
            <translation>与服务器的连接中断了。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="159" />
            <source>The app will retry; check your connection if it keeps happening.</source>
            <translation>应用会自动重试；如果反复出现，请检查网络连接。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="61" />
            <source>Did you mean {url}?</source>
            <translation>您是想输入 {url} 吗？</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="74" />
            <source>Enter a URL like https://api.openai.com/v1.</source>
            <translation>请输入类似 https://api.openai.com/v1 的 URL。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="79" />
            <source>The base URL is empty.</source>
            <translation>基础 URL 为空。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="105" />
            <source>The base URL contains a user name or password.</source>
            <translation>基础 URL 中包含用户名或密码。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="106" />
            <source>Remove it from the URL; the API key belongs in the key field.</source>
            <translation>请将其从 URL 中删除；API 密钥应填写在密钥栏中。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="134" />
            <source>Could not connect to the server in time.</source>
            <translation>未能及时连接到服务器。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="135" />
            <source>Check your internet connection, proxy and the base URL, then try again.</source>
            <translation>请检查网络连接、代理和基础 URL，然后重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="140" />
            <source>The server's name could not be found (DNS).</source>
            <translation>找不到服务器的域名（DNS）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="154" />
            <source>The server stopped answering (timeout).</source>
            <translation>服务器停止响应（超时）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="142" />
            <source>The server's TLS certificate could not be verified.</source>
            <translation>无法验证服务器的 TLS 证书。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="191" />
            <source>Check that the library folder exists and is writable.</source>
            <translation>请确认视频库文件夹存在且可写入。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="81" />
            <source>The base URL {url!r} is not a valid URL: it contains a space.</source>
            <translation>基础 URL {url!r} 不是有效的 URL：其中包含空格。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="90" />
            <source>The base URL {url!r} must start with https:// (or http:// for this computer: 127.0.0.1, localhost).</source>
            <translation>基础 URL {url!r} 必须以 https:// 开头（本机地址 127.0.0.1、localhost 可用 http://）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="98" />
            <source>The base URL {url!r} has no host name.</source>
            <translation>基础 URL {url!r} 缺少主机名。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="100" />
            <source>The base URL {url!r} is not a valid URL (bad host name).</source>
            <translation>基础 URL {url!r} 不是有效的 URL（主机名有误）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="102" />
            <source>The base URL {url!r} is not a valid URL (bad port).</source>
            <translation>基础 URL {url!r} 不是有效的 URL（端口有误）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="109" />
            <source>The base URL {url!r} must not contain '?' or '#'.</source>
            <translation>基础 URL {url!r} 中不能包含 '?' 或 '#'。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="144" />
            <source>The server refused the connection.</source>
            <translation>服务器拒绝了连接。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="146" />
            <source>Could not connect to the server.</source>
            <translation>无法连接到服务器。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="85" />
            <source>The base URL {url!r} is not a valid URL.</source>
            <translation>基础 URL {url!r} 不是有效的 URL。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/transport.py" line="190" />
            <source>The download folder can't be read ({detail}).</source>
            <translation>无法读取下载文件夹（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="116" />
            <source>The video could not be made.</source>
            <translation>视频未能生成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="305" />
            <source>Check the key, or replace it in Connections.</source>
            <translation>请检查密钥，或在“连接”中更换。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="313" />
            <source>Ask the account owner to enable video generation for this key, or pick another model in Connections.</source>
            <translation>请让账户所有者为此密钥开通视频生成，或在“连接”中换一个模型。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="340" />
            <source>It may have been deleted or made with another connection.</source>
            <translation>它可能已被删除，或是用其他连接生成的。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="345" />
            <source>The app will retry by itself.</source>
            <translation>应用会自动重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="359" />
            <source>The app will retry by itself; try again later if it persists.</source>
            <translation>应用会自动重试；如果问题持续，请稍后再试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="324" />
            <source>Check the deployment name in Connections; a new Azure deployment can take minutes to hours before it answers.</source>
            <translation>请在“连接”中检查部署名称；新建的 Azure 部署可能需要几分钟到几小时才能响应。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="376" />
            <source>The server refused the request ({detail}).</source>
            <translation>服务器拒绝了请求（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="304" />
            <source>The API key was refused ({detail}).</source>
            <translation>API 密钥被拒绝（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="310" />
            <source>Access to this model or deployment is not granted ({detail}).</source>
            <translation>没有访问此模型或部署的权限（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="339" />
            <source>The server doesn't know this video ({detail}).</source>
            <translation>服务器上没有这个视频（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="347" />
            <source>The app will retry by itself. Wait about {seconds:.0f} s.</source>
            <translation>应用会自动重试。请等待约 {seconds:.0f} 秒。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="351" />
            <source>Too many requests ({detail}).</source>
            <translation>请求过多（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="358" />
            <source>The video service is unavailable right now ({detail}).</source>
            <translation>视频服务暂时不可用（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="366" />
            <source>The request was blocked by the content rules ({detail}).</source>
            <translation>请求被内容规则拦截（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="323" />
            <source>The deployment was not found ({detail}).</source>
            <translation>找不到该部署（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="332" />
            <source>The video's files have expired on the server ({detail}).</source>
            <translation>服务器上此视频的文件已过期（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/batch.py" line="114" />
            <source>Give how many jobs may run at once, e.g. 4.</source>
            <translation>请给出可同时运行的任务数，例如 4。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/batch.py" line="120" />
            <source>Give a cap in US dollars, e.g. 20, or none for no cap.</source>
            <translation>请以美元给出上限，例如 20；或不设上限。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/batch.py" line="156" />
            <source>Fix the rows the preview marks, then try again.</source>
            <translation>请修正预览中标出的行，然后重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/batch.py" line="249" />
            <source>Give more of the batch's id.</source>
            <translation>请给出更多的批处理 ID 字符。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/batch.py" line="254" />
            <source>Pick one from the list of batches.</source>
            <translation>请从批处理列表中选择一个。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/batch.py" line="306" />
            <source>This batch has no rows.</source>
            <translation>这个批处理没有任何行。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/batch.py" line="253" />
            <source>No batch {ref!r} in the library.</source>
            <translation>资料库中没有批处理 {ref!r}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/batch.py" line="295" />
            <source>Pick a writable folder.</source>
            <translation>请选择一个可写的文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/batch.py" line="113" />
            <source>The concurrency must be 1 or more (not {value}).</source>
            <translation>同时运行的任务数必须至少为 1（而不是 {value}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/batch.py" line="119" />
            <source>The spending cap must be more than $0 (not {value}).</source>
            <translation>花费上限必须大于 $0（而不是 {value}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/batch.py" line="153" />
            <source>No row of this batch can be sent ({invalid} invalid).</source>
            <translation>这个批处理没有可以发送的行（{invalid} 行无效）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/batch.py" line="248" />
            <source>{count} batches start with {ref!r}.</source>
            <translation>有 {count} 个批处理以 {ref!r} 开头。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/batch.py" line="294" />
            <source>Can't write {path} ({reason}).</source>
            <translation>无法写入 {path}（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/batch.py" line="170" />
            <source>Can't create the folder {folder} ({reason}).</source>
            <translation>无法创建文件夹 {folder}（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/export.py" line="71" />
            <source>Export finished (ready) jobs only.</source>
            <translation>只能导出已完成（就绪）的任务。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/export.py" line="68" />
            <source>Job {id} has no clip in the library ({status}).</source>
            <translation>任务 {id} 在视频库中没有视频（{status}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/export.py" line="121" />
            <source>Could not export {name}: {reason}</source>
            <translation>无法导出 {name}：{reason}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/extend.py" line="110" />
            <source>A new clip is generated from this clip's last frame, then the two are joined into one film.</source>
            <translation>从这段视频的最后一帧生成一段新视频，然后把两段合成一部影片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/extend.py" line="104" />
            <source>The service extends the clip itself (its extensions endpoint).</source>
            <translation>由服务直接延长这段视频（其扩展接口）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/extend.py" line="106" />
            <source>The model's own extend endpoint makes the longer clip (this clip is sent to the provider).</source>
            <translation>由模型自己的延长端点生成更长的片段（此片段会发送给服务商）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/extend.py" line="134" />
            <source>This film was joined from video files: no model made it, so none can continue it.</source>
            <translation>这部影片是由视频文件拼接而成的：它不是由模型生成的，因此没有模型能接着它继续生成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/extend.py" line="135" />
            <source>Extend a clip a model made, or start a new video from this film's last frame.</source>
            <translation>请延长由模型生成的片段，或从这部影片的最后一帧开始生成新视频。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/extend.py" line="235" />
            <source>This clip is not a continuation waiting to be joined.</source>
            <translation>这段视频不是等待拼接的续接片段。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/extend.py" line="236" />
            <source>Extend the clip again.</source>
            <translation>请重新延长这段视频。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/extend.py" line="245" />
            <source>{prompt} (extended)</source>
            <translation>{prompt}（已延长）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/frames.py" line="47" />
            <source>Name the output file with .png at the end.</source>
            <translation>请让输出文件名以 .png 结尾。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/frames.py" line="46" />
            <source>The picture must be a .png file ({name!r}).</source>
            <translation>图片必须是 .png 文件（{name!r}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/generate.py" line="114" />
            <source>Choose Fit or Crop under the image to convert it.</source>
            <translation>在图片下方选择“适应”或“裁剪”来转换它。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/generate.py" line="164" />
            <source>Give the path of a JPEG, PNG or WebP image, or its https URL.</source>
            <translation>请给出 JPEG、PNG 或 WebP 图片的路径，或其 https 网址。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/generate.py" line="161" />
            <source>The image for {name} is not a file on this computer, nor a URL: {path}</source>
            <translation>{name} 的图片既不是本机上的文件，也不是网址：{path}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/library.py" line="86" />
            <source>Cancel it first, or wait until it has finished.</source>
            <translation>请先取消它，或等它完成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/library.py" line="83" />
            <source>This job is still being made ({status}), so it can't be deleted yet.</source>
            <translation>这个任务仍在生成中（{status}），暂时不能删除。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="369" />
            <source>text</source>
            <translation>文本</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="366" />
            <source>a whole number</source>
            <translation>整数</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="368" />
            <source>a number</source>
            <translation>数字</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="93" />
            <source>free (simulator)</source>
            <translation>免费（模拟器）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="95" />
            <source>price unknown</source>
            <translation>价格未知</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="96" />
            <source>about ${amount:.2f}</source>
            <translation>约 ${amount:.2f}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="124" />
            <source>{provider}'s parameter list for {model} could not be read ({reason}); these are the fields the app's catalogue knows.</source>
            <translation>无法读取 {provider} 上 {model} 的参数列表（{reason}）；以下是应用模型目录中已知的字段。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="326" />
            <source>Pick one of the allowed lengths.</source>
            <translation>请选择允许的时长之一。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="342" />
            <source>For example: seed=42</source>
            <translation>例如：seed=42</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="98" />
            <source>{amount} (price checked {date})</source>
            <translation>{amount}（价格核对于 {date}）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="129" />
            <source>{provider} gave no parameter list for {model} (it publishes none, or it could not be reached); these are the fields the app's catalogue knows.</source>
            <translation>{provider} 没有提供 {model} 的参数列表（它不公开参数列表，或无法连接）；以下是应用模型目录中已知的字段。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="297" />
            <source>Pick one of the allowed aspects.</source>
            <translation>请选择允许的画面比例之一。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="307" />
            <source>{model} offers no size.</source>
            <translation>{model} 没有可用的尺寸。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="321" />
            <source>{model} can't make {seconds}-second videos. Allowed lengths: {allowed}.</source>
            <translation>{model} 无法生成 {seconds} 秒的视频。允许的时长：{allowed}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="341" />
            <source>{text!r} is not a setting: write it as NAME=VALUE.</source>
            <translation>{text!r} 不是有效的设置：请写成 NAME=VALUE。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="294" />
            <source>{model} has no {aspect} aspect. Allowed aspects: {allowed}.</source>
            <translation>{model} 没有 {aspect} 画面比例。允许的比例：{allowed}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="354" />
            <source>{name} takes {type}</source>
            <translation>{name} 需要{type}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="356" />
            <source>{value!r} is not a value for {name}: {detail}.</source>
            <translation>{value!r} 不是 {name} 的有效值：{detail}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="389" />
            <source>Check the name; the models command lists them.</source>
            <translation>请检查名称；models 命令会列出所有设置。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="359" />
            <source>Correct the value of {name}.</source>
            <translation>请更正 {name} 的值。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/models.py" line="386" />
            <source>{model} has no setting {name!r}. Its settings: {allowed}.</source>
            <translation>{model} 没有设置 {name!r}。它的设置有：{allowed}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/resume.py" line="74" />
            <source>The job ended {status}.</source>
            <translation>任务已结束（{status}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/row_status.py" line="30" />
            <source>Invalid (never sent)</source>
            <translation>无效（未发送）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/row_status.py" line="31" />
            <source>Waiting</source>
            <translation>等待中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/row_status.py" line="32" />
            <source>Held by the cap</source>
            <translation>因上限暂缓</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/row_status.py" line="33" />
            <source>In progress</source>
            <translation>进行中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/row_status.py" line="34" />
            <source>Interrupted (resumes)</source>
            <translation>已中断（将继续）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/row_status.py" line="35" />
            <source>Deleted from the library</source>
            <translation>已从视频库删除</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/status.py" line="21" />
            <source>Preparing</source>
            <translation>准备中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/status.py" line="22" />
            <source>Sending</source>
            <translation>发送中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/status.py" line="23" />
            <source>Waiting in line</source>
            <translation>排队等待中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/status.py" line="24" />
            <source>Rendering</source>
            <translation>渲染中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/status.py" line="25" />
            <source>Rendered</source>
            <translation>已渲染</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/status.py" line="26" />
            <source>Downloading</source>
            <translation>下载中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/status.py" line="27" />
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/status.py" line="28" />
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/status.py" line="29" />
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/status.py" line="30" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/stitch.py" line="108" />
            <source>Join finished (ready) clips only.</source>
            <translation>只能拼接已完成（就绪）的视频。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/stitch.py" line="115" />
            <source>Download it again from the library, or leave it out.</source>
            <translation>请从素材库重新下载，或将其去掉。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/stitch.py" line="168" />
            <source>Film of {count} clips</source>
            <translation>由 {count} 段视频组成的影片</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/stitch.py" line="134" />
            <source>Check the path, or give the clip's job id.</source>
            <translation>请检查路径，或给出该视频的任务 ID。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/stitch.py" line="105" />
            <source>Job {id} has no finished clip yet ({status}).</source>
            <translation>任务 {id} 还没有完成的视频（{status}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/stitch.py" line="114" />
            <source>The clip of job {id} is not on disk ({path}).</source>
            <translation>任务 {id} 的视频不在磁盘上（{path}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/stitch.py" line="133" />
            <source>{ref!r} is a folder, not a video file.</source>
            <translation>{ref!r} 是文件夹，不是视频文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/stitch.py" line="139" />
            <source>The clip {ref!r} can't be found.</source>
            <translation>找不到视频 {ref!r}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/storyboard_keeping.py" line="69" />
            <source>It may have been deleted; open its file again.</source>
            <translation>它可能已被删除；请重新打开它的文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/storyboard_keeping.py" line="68" />
            <source>There is no storyboard {id!r} in the library.</source>
            <translation>素材库中没有故事板 {id!r}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/storyboard_keeping.py" line="148" />
            <source>Open the storyboard again: it may have changed.</source>
            <translation>请重新打开故事板：它可能已被更改。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/storyboard_keeping.py" line="147" />
            <source>This storyboard has no shot or take {id!r}.</source>
            <translation>此故事板中没有镜头或版本 {id!r}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/storyboards.py" line="312" />
            <source>A take of this shot is being made already.</source>
            <translation>这个镜头已有一个版本正在生成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/storyboards.py" line="313" />
            <source>Wait for it to finish, or cancel it in the queue.</source>
            <translation>请等待它完成，或在队列中取消它。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/storyboards.py" line="321" />
            <source>A take of this shot is being sent already.</source>
            <translation>这个镜头已有一个版本正在发送。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/storyboards.py" line="322" />
            <source>Wait for it to appear in the queue.</source>
            <translation>请等待它出现在队列中。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/storyboards.py" line="151" />
            <source>Add that connection, or pick another one for the shot.</source>
            <translation>请添加该连接，或为这个镜头选择其他连接。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/storyboards.py" line="419" />
            <source>Storyboard film</source>
            <translation>故事板影片</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/storyboards.py" line="182" />
            <source>Check the start image's path.</source>
            <translation>请检查起始图片的路径。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/storyboards.py" line="148" />
            <source>The shot {name!r} uses the connection {profile!r}, which isn't set up here.</source>
            <translation>镜头 {name!r} 使用的连接 {profile!r} 在这台电脑上尚未设置。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/storyboards.py" line="186" />
            <source>Shot {number} ({name}): {why}</source>
            <translation>镜头 {number}（{name}）：{why}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/storyboards.py" line="181" />
            <source>its start image {path} can't be found.</source>
            <translation>找不到它的起始图片 {path}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/timeline.py" line="55" />
            <source>{format!r} is not a timeline format.</source>
            <translation>{format!r} 不是时间线格式。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/timeline.py" line="56" />
            <source>Use one of: {formats}.</source>
            <translation>请使用以下之一：{formats}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/timeline.py" line="89" />
            <source>Choose another folder, or replace the timeline that is there.</source>
            <translation>请选择其他文件夹，或替换那里的时间线。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/usecases/timeline.py" line="88" />
            <source>{path} already exists.</source>
            <translation>{path} 已存在。</translation>
        </message>
    </context>
</TS>
