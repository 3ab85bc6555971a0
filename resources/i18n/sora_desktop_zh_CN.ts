<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/about_dialog.py" line="+40" />
            <source>not installed</source>
            <translation>未安装</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PyAV {pyav}, FFmpeg {ffmpeg}</source>
            <translation>PyAV {pyav}，FFmpeg {ffmpeg}</translation>
        </message>
        <message>
            <location line="+10" />
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
            <source>OpenAI shut its Sora video API down on 2026-09-24 and Azure closed new Sora 2 deployments. The app speaks the same Videos API to gateways that still serve it, and ships a simulator that makes real clips on this computer.</source>
            <translation>OpenAI 已于 2026-09-24 关闭 Sora 视频 API，Azure 也已停止新建 Sora 2 部署。本应用可通过仍提供同一 Videos API 的网关使用，并自带一个在本机生成真实片段的模拟器。</translation>
        </message>
        <message>
            <location line="+17" />
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
            <location filename="../../sora_desktop/gui/app.py" line="+350" />
            <source>Exported {0} file(s).</source>
            <translation>已导出 {0} 个文件。</translation>
        </message>
        <message>
            <location line="+107" />
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
        <name>ConnectionForm</name>
        <message>
            <location filename="../../sora_desktop/gui/connection_form.py" line="+75" />
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
            <location line="+25" />
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
            <location line="+3" />
            <source>Simulator (this computer)</source>
            <translation>模拟器（本机）</translation>
        </message>
        <message>
            <location line="+16" />
            <source>e.g. Studio gateway</source>
            <translation>例如：工作室网关</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+40" />
            <location line="+207" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="-242" />
            <source>Service</source>
            <translation>服务</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+143" />
            <source>Base URL</source>
            <translation>基础 URL</translation>
        </message>
        <message>
            <location line="-140" />
            <source>Authorization: Bearer header</source>
            <translation>Authorization: Bearer 请求头</translation>
        </message>
        <message>
            <location line="+1" />
            <source>api-key header (Azure)</source>
            <translation>api-key 请求头（Azure）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Send the key as</source>
            <translation>密钥发送方式</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Key stored in the system keychain</source>
            <translation>密钥保存在系统钥匙串中</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Key from environment variable</source>
            <translation>从环境变量读取密钥</translation>
        </message>
        <message>
            <location line="+10" />
            <source>API key</source>
            <translation>API 密钥</translation>
        </message>
        <message>
            <location line="+3" />
            <source>optional, e.g. http://proxy.example:3128</source>
            <translation>可选，例如 http://proxy.example:3128</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+230" />
            <source>Proxy</source>
            <translation>代理</translation>
        </message>
        <message>
            <location line="-224" />
            <source>Works like</source>
            <translation>能力等同于</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Add model</source>
            <translation>添加模型</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove model</source>
            <translation>移除模型</translation>
        </message>
        <message>
            <location line="+20" />
            <source>A key is stored. Type a new one to replace it.</source>
            <translation>已保存密钥。输入新密钥即可替换。</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+34" />
            <source>Paste the API key (kept in the system keychain, never in a file)</source>
            <translation>粘贴 API 密钥（保存在系统钥匙串中，绝不写入文件）</translation>
        </message>
        <message>
            <location line="-9" />
            <source>Started by the app on this computer</source>
            <translation>由本应用在本机启动</translation>
        </message>
        <message>
            <location line="+53" />
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
            <location line="+8" />
            <source>Deployments (the names you gave them in Azure AI Foundry):</source>
            <translation>部署（你在 Azure AI Foundry 中为它们起的名称）：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Models this connection offers (the first is the default):</source>
            <translation>此连接提供的模型（第一个为默认）：</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Other (the gateway decides)</source>
            <translation>其他（由网关决定）</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Enter the address.</source>
            <translation>请输入地址。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The address {url!r} is not a valid URL (it contains a space).</source>
            <translation>地址 {url!r} 不是有效的 URL（其中包含空格）。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Give the connection a name.</source>
            <translation>请为此连接命名。</translation>
        </message>
        <message>
            <location line="+8" />
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
            <location line="+6" />
            <source>Models</source>
            <translation>模型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add at least one model or deployment name.</source>
            <translation>请至少添加一个模型或部署名称。</translation>
        </message>
    </context>
    <context>
        <name>ConnectionsDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/connections_dialog.py" line="+83" />
            <source>No API key for this connection.</source>
            <translation>此连接没有 API 密钥。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set the environment variable {name}.</source>
            <translation>请设置环境变量 {name}。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Paste the key in the API key field.</source>
            <translation>请在“API 密钥”栏中粘贴密钥。</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Connections</source>
            <translation>连接</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove…</source>
            <translation>移除…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Test connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <location line="+1" />
            <source>List your videos once to check address and key</source>
            <translation>列出一次你的视频，以检查地址和密钥</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location line="+95" />
            <source>Profile</source>
            <translation>配置</translation>
        </message>
        <message>
            <location line="+8" />
            <source>API key</source>
            <translation>API 密钥</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Remove connection</source>
            <translation>移除连接</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove “{name}” and forget its key?</source>
            <translation>移除“{name}”并删除其密钥？</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Testing {name}…</source>
            <translation>正在测试 {name}…</translation>
        </message>
        <message>
            <location line="+21" />
            <source>The test was cancelled.</source>
            <translation>测试已取消。</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Connected in {ms} ms. The key was accepted and the service lists {count} video(s).</source>
            <translation>连接成功，用时 {ms} 毫秒。密钥有效，服务中共列出 {count} 个视频。</translation>
        </message>
        <message>
            <location line="+3" />
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
            <location line="+8" />
            <source>{field}: {message}</source>
            <translation>{field}：{message}</translation>
        </message>
    </context>
    <context>
        <name>ErrorPresenter</name>
        <message>
            <location filename="../../sora_desktop/gui/error_presenter.py" line="+72" />
            <source>Sora Desktop</source>
            <translation>Sora Desktop</translation>
        </message>
        <message>
            <location line="+19" />
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
            <location filename="../../sora_desktop/gui/export_dialog.py" line="+76" />
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
            <location line="+3" />
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
            <location line="+31" />
            <location line="+44" />
            <source>File names: {problem}</source>
            <translation>文件名：{problem}</translation>
        </message>
        <message>
            <location line="-36" />
            <source>… and {count} more</source>
            <translation>……另外还有 {count} 个</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Export to folder</source>
            <translation>导出到文件夹</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Choose a folder to export to.</source>
            <translation>请选择要导出到的文件夹。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The folder {folder} does not exist. Choose another or create it.</source>
            <translation>文件夹 {folder} 不存在。请选择其他文件夹或先创建它。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{folder} is a file, not a folder. Choose a folder.</source>
            <translation>{folder} 是一个文件，不是文件夹。请选择一个文件夹。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The folder {folder} is read-only. Choose a folder you may write to.</source>
            <translation>文件夹 {folder} 是只读的。请选择一个可以写入的文件夹。</translation>
        </message>
        <message>
            <location line="+61" />
            <source>Could not export {name}: {reason}</source>
            <translation>无法导出 {name}：{reason}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>{count} file(s) were exported before this.</source>
            <translation>在此之前已导出 {count} 个文件。</translation>
        </message>
    </context>
    <context>
        <name>ImagePicker</name>
        <message>
            <location filename="../../sora_desktop/gui/image_picker.py" line="+82" />
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
            <location line="+61" />
            <source>Choose a reference image</source>
            <translation>选择参考图片</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Images ({0})</source>
            <translation>图片（{0}）</translation>
        </message>
        <message>
            <location line="+33" />
            <source>This image can't be read: {0}</source>
            <translation>无法读取此图片：{0}</translation>
        </message>
        <message>
            <location line="+30" />
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
        <name>LibraryModel</name>
        <message>
            <location filename="../../sora_desktop/gui/library_model.py" line="+141" />
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sending</source>
            <translation>发送中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Queued</source>
            <translation>排队中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rendering</source>
            <translation>渲染中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rendered</source>
            <translation>已渲染</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Downloading</source>
            <translation>下载中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Interrupted</source>
            <translation>已中断</translation>
        </message>
        <message>
            <location line="+190" />
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
            <location line="+4" />
            <location line="+62" />
            <source>Favourite</source>
            <translation>收藏</translation>
        </message>
        <message>
            <location line="-14" />
            <source>{seconds} s</source>
            <translation>{seconds} 秒</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Not a favourite</source>
            <translation>未收藏</translation>
        </message>
    </context>
    <context>
        <name>LibraryPanel</name>
        <message>
            <location filename="../../sora_desktop/gui/library_view.py" line="+135" />
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
            <location line="+6" />
            <source>★ Favourites</source>
            <translation>★ 收藏</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show only favourites</source>
            <translation>只显示收藏</translation>
        </message>
        <message>
            <location line="+66" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remix…</source>
            <translation>再创作…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Make a variation with a changed prompt</source>
            <translation>修改提示词生成一个变体</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reuse prompt</source>
            <translation>重用提示词</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Put this prompt and its settings back into the editor</source>
            <translation>把此提示词及其参数放回编辑器</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show in folder</source>
            <translation>在文件夹中显示</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy path</source>
            <translation>复制路径</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Favourite</source>
            <translation>收藏</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delete from this computer…</source>
            <translation>从本机删除…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove the video file and its library entry</source>
            <translation>删除视频文件及其视频库条目</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Delete from the service…</source>
            <translation>从服务端删除…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ask the service to delete its copy</source>
            <translation>请求服务删除其副本</translation>
        </message>
        <message>
            <location line="+71" />
            <source>1 video</source>
            <translation>1 个视频</translation>
        </message>
        <message>
            <location line="+0" />
            <source>{count} videos</source>
            <translation>{count} 个视频</translation>
        </message>
        <message>
            <location line="+11" />
            <source>No videos match. Try other words or clear the filters.</source>
            <translation>没有匹配的视频。请换个关键词或清除筛选条件。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Your videos will appear here. Write a prompt and press Generate.</source>
            <translation>你的视频会显示在这里。写下提示词，然后点击“生成”。</translation>
        </message>
        <message>
            <location line="+91" />
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
            <location line="+27" />
            <source>Delete {count} selected video(s) from this computer? The files are removed from the library folder. Copies you exported stay where they are.</source>
            <translation>从本机删除选中的 {count} 个视频？文件将从视频库文件夹中删除。你导出的副本不受影响。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delete videos</source>
            <translation>删除视频</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Some files could not be deleted</source>
            <translation>部分文件无法删除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close any app that uses them and try again.</source>
            <translation>请关闭正在使用这些文件的应用后重试。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Ask the service to delete {count} selected video(s)? Your local copies stay in the library.</source>
            <translation>请求服务删除选中的 {count} 个视频？本机副本仍保留在视频库中。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delete from the service</source>
            <translation>从服务端删除</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../sora_desktop/gui/main_window.py" line="+46" />
            <source>You're using the built-in simulator: clips are made on this computer, no account needed. OpenAI's Sora API shut down on 2026-09-24.</source>
            <translation>你正在使用内置模拟器：片段在本机生成，无需账号。OpenAI 的 Sora API 已于 2026-09-24 关闭。</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Add a connection…</source>
            <extracomment>the composition root opens the other owner's dialogs for these</extracomment>
            <translation>添加连接…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Generate</source>
            <translation>生成</translation>
        </message>
        <message>
            <location line="+60" />
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location line="+21" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Generate</source>
            <translation>生成(&amp;G)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Export selected videos…</source>
            <translation>导出所选视频(&amp;E)…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Preferences…</source>
            <translation>偏好设置(&amp;P)…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Connections</source>
            <translation>连接(&amp;C)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Manage connections…</source>
            <translation>管理连接(&amp;M)…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About Sora Desktop</source>
            <translation>关于 Sora Desktop(&amp;A)</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Start the generation (Ctrl+Enter)</source>
            <translation>开始生成（Ctrl+Enter）</translation>
        </message>
        <message>
            <location line="+53" />
            <source>Sending…</source>
            <translation>正在发送…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Not sent.</source>
            <translation>未发送。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sent. Rendering…</source>
            <translation>已发送，正在渲染…</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Resumed {0} unfinished job(s).</source>
            <translation>已恢复 {0} 个未完成的任务。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Your video is ready.</source>
            <translation>你的视频已就绪。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Video ready</source>
            <translation>视频已就绪</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The job did not finish.</source>
            <translation>任务未能完成。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Video failed</source>
            <translation>视频生成失败</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cancelled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Cancel this job?</source>
            <translation>取消此任务？</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This app stops waiting for the video. A render the service has already started keeps running there and may still be billed.</source>
            <translation>本应用将不再等待此视频。服务端已开始的渲染会继续进行，仍可能产生费用。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>This video is not on this computer (yet).</source>
            <translation>此视频（尚）不在本机上。</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Select videos in the library to export them.</source>
            <translation>请先在视频库中选择要导出的视频。</translation>
        </message>
        <message numerus="yes">
            <location line="+47" />
            <source>%n video(s) still being made.</source>
            <translation>
                <numerusform>仍有 %n 个视频正在生成。</numerusform>
            </translation>
        </message>
        <message>
            <location line="-1" />
            <source>Jobs are still running</source>
            <translation>仍有任务在运行</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Keep them and they continue the next time you open Sora Desktop, or cancel them now (a render the service already started may still be billed).</source>
            <translation>保留它们，下次打开 Sora Desktop 时会继续；或者现在取消（服务端已开始的渲染仍可能产生费用）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Keep for next start</source>
            <translation>保留到下次启动</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel them</source>
            <translation>取消这些任务</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Don't close</source>
            <translation>不关闭</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/preferences_dialog.py" line="+58" />
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
            <location line="+1" />
            <source>The new language shows fully after a restart.</source>
            <translation>重新启动后新语言才会完全生效。</translation>
        </message>
        <message>
            <location line="+8" />
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
            <location filename="../../sora_desktop/gui/preview.py" line="+66" />
            <source>Your video plays here.
Write a prompt and press Generate.</source>
            <translation>你的视频将在这里播放。
写下提示词，然后点击“生成”。</translation>
        </message>
        <message>
            <location line="+18" />
            <location line="+272" />
            <source>Play (Space)</source>
            <translation>播放（空格）</translation>
        </message>
        <message>
            <location line="-266" />
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
            <location line="+9" />
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
            <location line="+8" />
            <source>Full screen (F)</source>
            <translation>全屏（F）</translation>
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
            <location filename="../../sora_desktop/gui/prompt_editor.py" line="+44" />
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
            <location line="+57" />
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
            <location filename="../../sora_desktop/gui/queue_view.py" line="+120" />
            <source>Clear finished</source>
            <translation>清除已完成</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+34" />
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
            <location filename="../../sora_desktop/gui/remix_dialog.py" line="+33" />
            <source>Remix video</source>
            <translation>再创作视频</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Describe what should change. The remix keeps the original's structure, so small, specific changes work best.</source>
            <translation>描述需要改变的地方。再创作会保留原视频的结构，因此小而具体的修改效果最好。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Remix</source>
            <translation>再创作</translation>
        </message>
    </context>
    <context>
        <name>SettingsPanel</name>
        <message>
            <location filename="../../sora_desktop/gui/settings_panel.py" line="+60" />
            <source>Where videos are made</source>
            <extracomment>the models offered when a profile lists none</extracomment>
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
            <location line="+4" />
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
            <source>Reference image (optional)</source>
            <translation>参考图片（可选）</translation>
        </message>
        <message>
            <location line="+73" />
            <source>Add a connection first.</source>
            <translation>请先添加连接。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Pick a size and a duration.</source>
            <translation>请选择尺寸和时长。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>price unknown</source>
            <translation>价格未知</translation>
        </message>
        <message>
            <location line="+2" />
            <source>≈ ${0} at ${1}/s</source>
            <translation>≈ ${0}（每秒 ${1}）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(free on the simulator)</source>
            <translation>（模拟器上免费）</translation>
        </message>
        <message>
            <location line="+61" />
            <source>{0} seconds</source>
            <translation>{0} 秒</translation>
        </message>
        <message>
            <location line="+19" />
            <source>{0} × {1}</source>
            <translation>{0} × {1}</translation>
        </message>
    </context>
    <context>
        <name>TemplateBuilder</name>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="+132" />
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
            <location filename="../../sora_desktop/gui/template_builder.py" line="23" />
            <source>Subject</source>
            <translation>主体</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="24" />
            <source>Scene</source>
            <translation>场景</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="25" />
            <source>Action</source>
            <translation>动作</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="26" />
            <source>Camera</source>
            <translation>镜头</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="27" />
            <source>Lighting</source>
            <translation>光线</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="28" />
            <source>Style</source>
            <translation>风格</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="29" />
            <source>Motion</source>
            <translation>运动</translation>
        </message>
    </context>
    <context>
        <name>QueueModel</name>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="39" />
            <source>Preparing</source>
            <translation>准备中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="40" />
            <source>Sending</source>
            <translation>发送中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="41" />
            <source>Waiting in line</source>
            <translation>排队等待中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="42" />
            <source>Rendering</source>
            <translation>渲染中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="43" />
            <source>Rendered</source>
            <translation>已渲染</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="44" />
            <source>Downloading</source>
            <translation>下载中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="45" />
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="46" />
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="47" />
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="48" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="49" />
            <source>Interrupted (resumes)</source>
            <translation>已中断（将继续）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="176" />
            <source>Prompt</source>
            <translation>提示词</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="177" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="178" />
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="179" />
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="180" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="181" />
            <source>Elapsed</source>
            <translation>已用时间</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="225" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="210" />
            <source>{0} · {1} · {2} s</source>
            <translation>{0} · {1} · {2} 秒</translation>
        </message>
    </context>
</TS>
